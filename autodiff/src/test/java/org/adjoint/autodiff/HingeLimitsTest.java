package org.adjoint.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.adjoint.core.Tensor;
import org.junit.jupiter.api.Test;

/** Issue 17, item 21: the multiclass hinge at infinite scores, and its margin's domain. */
class HingeLimitsTest {

    private static final double INF = Double.POSITIVE_INFINITY;

    @Test
    void anInfiniteCorrectScoreCostsNothing() {
        Var s = Var.param(Tensor.matrix(new double[][] {{INF, 2, -1}, {0, 3, 1}}));
        Var loss = Losses.multiclassHinge(s, new int[] {0, 1}, 1);
        assertEquals(0.0, loss.item());
        assertEquals(Tensor.zeros(2, 3), Backward.of(loss).gradient(s));
    }

    @Test
    void anInfiniteCorrectScoreLeavesTheOtherExamplesLoss() {
        Var s = Var.param(Tensor.matrix(new double[][] {{INF, 2, -1}, {0, 0.5, 1}}));
        Var loss = Losses.multiclassHinge(s, new int[] {0, 1}, 1);
        // row 1, label 1: max(0, 0 − 0.5 + 1) + max(0, 1 − 0.5 + 1) = 0.5 + 1.5; mean over 2 rows.
        assertEquals(1.0, loss.item(), 1e-15);
        assertEquals(Tensor.matrix(new double[][] {{0, 0, 0}, {0.5, -1, 0.5}}), Backward.of(loss).gradient(s));
    }

    @Test
    void anInfiniteWrongScoreCostsInfinity() {
        Var s = Var.param(Tensor.matrix(new double[][] {{0, INF}}));
        assertEquals(INF, Losses.multiclassHinge(s, new int[] {0}, 1).item());
    }

    @Test
    void theMarginMustBeFinite() {
        Var s = Var.param(Tensor.zeros(1, 2));
        for (double delta : new double[] {INF, Double.NEGATIVE_INFINITY, Double.NaN}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Losses.multiclassHinge(s, new int[] {0}, delta));
            assertEquals("multiclassHinge: the margin delta = " + delta + " must be finite", e.getMessage());
        }
    }
}
