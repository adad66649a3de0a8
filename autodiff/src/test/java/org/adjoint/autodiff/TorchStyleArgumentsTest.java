package org.adjoint.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.adjoint.core.Shape;
import org.adjoint.core.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The issue-21 ops and losses refuse bad shapes and arguments with a message naming the operation and
 * the values; no loss broadcasts its operands.
 */
class TorchStyleArgumentsTest {

    private static final Var X23 = Var.param(Tensor.ones(2, 3));
    private static final Var X32 = Var.param(Tensor.ones(3, 2));

    private static void refuses(String message, Executable call) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, call).getMessage());
    }

    @Test
    void activationsRefuseBadParameters() {
        refuses("softplus: beta = 0.0 must be positive and finite", () -> X23.softplus(0));
        refuses("leakyRelu: the negative slope NaN must be finite", () -> X23.leakyRelu(Double.NaN));
        refuses("elu: alpha = Infinity must be finite", () -> X23.elu(Double.POSITIVE_INFINITY));
        refuses("cumsum: axis 2 is outside the axes of a value of shape [2, 3]", () -> X23.cumsum(2));
        refuses("cumsum: axis -3 is outside the axes of a value of shape [2, 3]", () -> X23.cumsum(-3));
    }

    @Test
    void batchedMatmulRefusesMismatchedOperands() {
        Var a = Var.param(Tensor.zeros(2, 3, 4));
        refuses("matmul: [2, 3, 4] @ [3, 2] — inner dimensions 4 and 3 differ", () -> a.matmul(X32));
        refuses("matmul: [2, 3, 4] @ [3] — inner dimensions 4 and 3 differ", () -> a.matmul(Var.param(Tensor.ones(3))));
        refuses("matmul: batch axes of [2, 3, 4] @ [5, 4, 1]: shapes [2] and [5] do not broadcast (axis 0 of the"
                + " result: 2 vs 5)", () -> a.matmul(Var.param(Tensor.zeros(5, 4, 1))));
        refuses("matmul: [] @ [2, 3, 4] — operands must be vectors or matrices (rank 1 or 2)",
                () -> Var.param(2).matmul(a));
    }

    @Test
    void batchedMatmulShapesAreTorchs() {
        assertEquals(Shape.of(5, 2, 3, 6), Var.constant(Tensor.zeros(2, 3, 4)).matmul(Var.constant(Tensor.zeros(5, 1, 4, 6))).shape());
        assertEquals(Shape.of(2, 6), Var.constant(Tensor.zeros(4)).matmul(Var.constant(Tensor.zeros(2, 4, 6))).shape());
        assertEquals(Shape.of(2, 3), Var.constant(Tensor.zeros(2, 3, 4)).matmul(Var.constant(Tensor.zeros(4))).shape());
        assertEquals(Shape.of(0, 3, 6), Var.constant(Tensor.zeros(0, 3, 4)).matmul(Var.constant(Tensor.zeros(4, 6))).shape());
    }

    @Test
    void lossesRefuseMismatchedShapes() {
        refuses("binaryCrossEntropyWithLogits: the shape of the logits, [2, 3], differs from the shape of the targets,"
                + " [3, 2]; losses do not broadcast: reshape one, or broadcast explicitly with broadcastTo",
                () -> Losses.binaryCrossEntropyWithLogits(X23, X32));
        refuses("huber: the shape of the prediction, [2, 3], differs from the shape of the target, [3]; losses do not"
                + " broadcast: reshape one, or broadcast explicitly with broadcastTo",
                () -> Losses.huber(X23, Var.constant(Tensor.ones(3)), 1));
        assertThrows(IllegalArgumentException.class, () -> Losses.smoothL1(X23, X32, 1));
        assertThrows(IllegalArgumentException.class, () -> Losses.klDivergence(X23, X32));
        refuses("huber: the prediction (shape [0]) has no elements; the mean over none is undefined",
                () -> Losses.huber(Var.param(Tensor.zeros(0)), Var.constant(Tensor.zeros(0)), 1));
    }

    @Test
    void lossesRefuseBadParameters() {
        refuses("binaryCrossEntropyWithLogits: the weights of shape [2] must be a vector with one weight per class (3)",
                () -> Losses.binaryCrossEntropyWithLogits(X23, X23, Tensor.ones(2)));
        refuses("huber: delta = 0.0 must be finite and above 0.0", () -> Losses.huber(X23, X23, 0));
        refuses("smoothL1: beta = -1.0 must be finite and at least 0.0", () -> Losses.smoothL1(X23, X23, -1));
        refuses("klDivergence: needs a batch axis (shape [2, 3]) and target probabilities that are not negative or NaN"
                + " (smallest -1.0)", () -> Losses.klDivergence(X23, Var.constant(Tensor.full(Shape.of(2, 3), -1))));
        refuses("softmaxCrossEntropy: label smoothing 1.5 must be in [0, 1]",
                () -> Losses.softmaxCrossEntropy(X23, new int[] {0, 1}, 1.5));
        refuses("softmaxCrossEntropy: the weight -1.0 of class 1 must be finite and non-negative",
                () -> Losses.softmaxCrossEntropy(X23, new int[] {0, 1}, Tensor.vector(1, -1, 1), 0));
        refuses("negativeLogLikelihood: the weights of the labels sum to 0.0; the weighted mean is undefined",
                () -> Losses.negativeLogLikelihood(X23, new int[] {0, 0}, Tensor.vector(0, 1, 1)));
        refuses("negativeLogLikelihood: label 3 of example 1 is outside [0, 3)",
                () -> Losses.negativeLogLikelihood(X23, new int[] {0, 3}));
    }
}
