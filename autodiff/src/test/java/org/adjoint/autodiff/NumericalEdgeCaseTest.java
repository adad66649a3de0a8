package org.adjoint.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.adjoint.core.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Extreme inputs through values, gradients and Hessians: each gets its exact finite answer, the
 * IEEE infinity it documents, or a clear exception — never a NaN that surfaces ops later.
 */
class NumericalEdgeCaseTest {

    private static void assertMessage(String expected, Executable call) {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, call).getMessage());
    }

    // ------------------------------------------------------------ empty values

    @Test
    void theMeanOfNothingIsAnErrorAndEmptyResultsAreFine() {
        Var empty = Var.param(Tensor.zeros(3, 0));
        assertMessage("mean: axes [0, 1] of shape [3, 0] hold no elements, and the mean of nothing is undefined",
                empty::mean);
        assertMessage("mean: axes [1] of shape [3, 0] hold no elements, and the mean of nothing is undefined",
                () -> empty.mean(1));
        Var columnMeans = empty.mean(0);
        assertEquals(Tensor.zeros(0), columnMeans.value());
        assertEquals(Tensor.zeros(3, 0), Backward.of(columnMeans.sum()).gradient(empty));
    }

    @Test
    void lossesOverNoExamplesAreErrors() {
        Var scores = Var.param(Tensor.zeros(0, 3));
        assertMessage("softmaxCrossEntropy: scores of shape [0, 3] hold no examples; the mean loss over none is undefined",
                () -> Losses.softmaxCrossEntropy(scores, new int[0]));
        assertMessage("multiclassHinge: scores of shape [0, 3] hold no examples; the mean loss over none is undefined",
                () -> Losses.multiclassHinge(scores, new int[0], 1));
        assertMessage("meanSquaredError: prediction [0] and target [] have no elements; the mean over none is undefined",
                () -> Losses.meanSquaredError(Var.param(Tensor.zeros(0)), Var.constant(1)));
    }
}
