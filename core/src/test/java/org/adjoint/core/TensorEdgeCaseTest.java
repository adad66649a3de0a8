package org.adjoint.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Tensor kernels at the edges: empty and rank-0 tensors, infinite and huge scores in the softmaxes,
 * and the messages of the errors that such inputs raise. Each case states its exact answer.
 */
class TensorEdgeCaseTest {

    private static final double INF = Double.POSITIVE_INFINITY;
    private static final double NEG_INF = Double.NEGATIVE_INFINITY;
    private static final double LOG_2 = Math.log(2);

    private static void assertMessage(String expected, Executable call) {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, call).getMessage());
    }

    // ------------------------------------------------------------ errors name the operation

    @Test
    void axisOperationsOnAScalarNameTheOperation() {
        Tensor s = Tensor.scalar(2);
        String range = "axis 0 is out of range for shape [] of rank 0";
        assertMessage("slice: " + range, () -> s.slice(0, 0, 1));
        assertMessage("pad: " + range, () -> s.pad(0, 1, 1));
        assertMessage("take: " + range, () -> s.take(0, new int[] {0}));
        assertMessage("concat: " + range, () -> Tensor.concat(0, s, s));
        assertMessage("argmax: " + range, () -> s.argmax(0));
        assertMessage("argmax: " + range, () -> s.argmax(0, true));
        assertMessage("softmax: " + range, () -> s.softmax(0));
        assertMessage("logSoftmax: axis -1 is out of range for shape [] of rank 0", () -> s.logSoftmax(-1));
        assertMessage("sum: " + range, () -> s.sum(0));
        assertMessage("matmul: [] @ [2] — operands must be vectors or matrices (rank 1 or 2)",
                () -> s.matmul(Tensor.ones(2)));
        assertMessage("gather: needs a matrix and one index per row, got shape [] and 1 indices",
                () -> s.gather(new int[] {0}));
    }

    @Test
    void aScalarReducesOverNoAxesToItself() {
        Tensor s = Tensor.scalar(-3);
        assertEquals(s, s.sum());
        assertEquals(s, s.mean());
        assertEquals(s, s.max());
        assertEquals(s, s.logSumExp(new int[0], false));
        assertEquals(Tensor.scalar(1), s.softmax(new int[0]));
        assertEquals(0, s.argmax());
        assertEquals(s, s.transpose());
        assertEquals(Tensor.vector(-3), s.reshape(-1));
        assertEquals(Tensor.full(Shape.of(2, 3), -3), s.broadcastTo(Shape.of(2, 3)).add(Tensor.zeros(2, 3)));
    }

    @Test
    void reshapeExplainsExtentsItCannotInfer() {
        assertMessage("reshape: extent -1 of axis 1 in [-1, -1] is negative; only one extent may be -1, to be inferred",
                () -> Tensor.ones(2, 3).reshape(-1, -1));
        assertMessage("reshape: extent -2 of axis 0 in [-2, 3] is negative; only one extent may be -1, to be inferred",
                () -> Tensor.ones(2, 3).reshape(-2, 3));
        assertMessage("reshape: cannot view shape [5] (5 elements) as [2, -1]", () -> Tensor.ones(5).reshape(2, -1));
        assertMessage("reshape: cannot view shape [3, 0] (0 elements) as [0, -1]: with a zero extent beside it,"
                + " the -1 could be anything", () -> Tensor.zeros(3, 0).reshape(0, -1));
        assertEquals(Tensor.zeros(0, 5), Tensor.zeros(3, 0).reshape(-1, 5));
    }

    @Test
    void oneHotNamesItselfForALabelOutOfRange() {
        assertMessage("oneHot: label 3 of row 1 is outside [0, 3)", () -> Tensor.oneHot(new int[] {0, 3}, 3));
        assertMessage("oneHot: label -1 of row 0 is outside [0, 3)", () -> Tensor.oneHot(new int[] {-1}, 3));
        assertEquals(Tensor.zeros(0, 3), Tensor.oneHot(new int[0], 3));
    }

    // ------------------------------------------------------------ empty tensors

    @Test
    void theMeanOfNothingIsAnErrorNotNaN() {
        assertMessage("mean: axes [0] of shape [0] hold no elements, and the mean of nothing is undefined",
                () -> Tensor.zeros(0).mean());
        assertMessage("mean: axes [1] of shape [3, 0] hold no elements, and the mean of nothing is undefined",
                () -> Tensor.zeros(3, 0).mean(1));
        // Averaging the three empty columns... there are none: the result is empty, which is fine.
        assertEquals(Tensor.zeros(0), Tensor.zeros(3, 0).mean(0));
        assertEquals(Tensor.zeros(0, 1), Tensor.zeros(0, 4).mean(new int[] {1}, true));
    }

    @Test
    void sumsOfNothingAreZeroAndExtremaOfNothingAreErrors() {
        assertEquals(Tensor.scalar(0), Tensor.zeros(0).sum());
        assertEquals(Tensor.zeros(3), Tensor.zeros(3, 0).sum(1));
        assertEquals(Tensor.zeros(0), Tensor.zeros(3, 0).sum(0));
        assertMessage("max: axis 0 of shape [0] is empty (no identity for max)", () -> Tensor.zeros(0).max());
        assertMessage("min: axis 1 of shape [3, 0] is empty (no identity for min)", () -> Tensor.zeros(3, 0).min(1));
        assertMessage("argmax: axis 1 of shape [3, 0] is empty", () -> Tensor.zeros(3, 0).argmax(1));
    }

    @Test
    void logSumExpOverNothingIsLogZeroAndSoftmaxesOfNothingAreEmpty() {
        assertEquals(Tensor.scalar(NEG_INF), Tensor.zeros(0).logSumExp(new int[] {0}, false));
        assertEquals(Tensor.full(Shape.of(3), NEG_INF), Tensor.zeros(3, 0).logSumExp(new int[] {1}, false));
        assertEquals(Tensor.full(Shape.of(3, 1), NEG_INF), Tensor.zeros(3, 0).logSumExp(new int[] {1}, true));
        assertEquals(Tensor.zeros(0), Tensor.zeros(3, 0).logSumExp(new int[] {0}, false));
        assertEquals(Tensor.zeros(0), Tensor.zeros(0, 4).logSumExp(new int[] {1}, false));
        assertEquals(Tensor.zeros(3, 0), Tensor.zeros(3, 0).softmax(1));
        assertEquals(Tensor.zeros(3, 0), Tensor.zeros(3, 0).logSoftmax(1));
        assertEquals(Tensor.zeros(0, 4), Tensor.zeros(0, 4).softmax(1));
        assertEquals(Tensor.zeros(0, 4), Tensor.zeros(0, 4).logSoftmax(0));
        assertMessage("softmax: axis 2 is out of range for shape [3, 0] of rank 2", () -> Tensor.zeros(3, 0).softmax(2));
    }

    @Test
    void emptyMatrixProductsAreZerosOrEmpty() {
        assertEquals(Tensor.zeros(2, 3), Tensor.zeros(2, 0).matmul(Tensor.zeros(0, 3)));
        assertEquals(Tensor.zeros(0, 3), Tensor.zeros(0, 2).matmul(Tensor.ones(2, 3)));
        assertEquals(Tensor.scalar(0), Tensor.zeros(0).matmul(Tensor.zeros(0)));
        assertEquals(Tensor.zeros(2, 3), Tensor.zeros(2, 0).matmulTransposed(Tensor.zeros(3, 0)));
        assertEquals(Tensor.zeros(2, 3), Tensor.zeros(0, 2).transposedMatmul(Tensor.zeros(0, 3)));
    }

    // ------------------------------------------------------------ infinite and huge scores

    @Test
    void minusInfinityGetsProbabilityExactlyZero() {
        Tensor x = Tensor.vector(NEG_INF, 0, 0);
        assertEquals(Tensor.vector(0, 0.5, 0.5), x.softmax(0));
        assertEquals(Tensor.vector(NEG_INF, -LOG_2, -LOG_2), x.logSoftmax(0));
        assertEquals(Tensor.scalar(LOG_2), x.logSumExp(new int[] {0}, false));
    }

    /** softmax(x + c) = softmax(x) for every c, so a group of −∞ alone is read as uniform. */
    @Test
    void aGroupOfOnlyMinusInfinityIsUniform() {
        Tensor x = Tensor.matrix(new double[][] {{NEG_INF, NEG_INF}, {0, 1}});
        Tensor p = x.softmax(1);
        assertEquals(Tensor.vector(0.5, 0.5), p.slice(0, 0, 1).reshape(2));
        assertEquals(Tensor.vector(-LOG_2, -LOG_2), x.logSoftmax(1).slice(0, 0, 1).reshape(2));
        assertEquals(NEG_INF, x.logSumExp(new int[] {1}, false).get(0));
        assertEquals(Tensor.vector(0, 1).softmax(0), p.slice(0, 1, 2).reshape(2), "the other row is untouched");
    }

    /** The limit of x[i] → ∞ together: the +∞ elements share the probability, the others get none. */
    @Test
    void plusInfinitySharesTheProbabilityAmongItsTies() {
        assertEquals(Tensor.vector(1, 0, 0), Tensor.vector(INF, 1, 2).softmax(0));
        assertEquals(Tensor.vector(0, NEG_INF, NEG_INF), Tensor.vector(INF, 1, 2).logSoftmax(0));
        assertEquals(Tensor.vector(0.5, 0.5, 0), Tensor.vector(INF, INF, 2).softmax(0));
        assertEquals(Tensor.vector(-LOG_2, -LOG_2, NEG_INF), Tensor.vector(INF, INF, 2).logSoftmax(0));
        assertEquals(Tensor.vector(1, 0), Tensor.vector(INF, NEG_INF).softmax(0));
        assertEquals(Tensor.scalar(INF), Tensor.vector(INF, 1).logSumExp(new int[] {0}, false));
    }

    /** Axis 0 of a matrix goes through the general reductions, not the row kernel: same answers. */
    @Test
    void theGeneralPathTakesTheSameLimits() {
        Tensor columns = Tensor.matrix(new double[][] {{NEG_INF, INF, NEG_INF}, {NEG_INF, INF, 0}, {NEG_INF, 5, 0}});
        assertEquals(Tensor.matrix(new double[][] {{1.0 / 3, 0.5, 0}, {1.0 / 3, 0.5, 0.5}, {1.0 / 3, 0, 0.5}}),
                columns.softmax(0));
        double third = -Math.log(3);
        assertEquals(Tensor.matrix(new double[][] {{third, -LOG_2, NEG_INF}, {third, -LOG_2, -LOG_2},
                {third, NEG_INF, -LOG_2}}), columns.logSoftmax(0));
        assertEquals(Tensor.vector(NEG_INF, INF, LOG_2), columns.logSumExp(new int[] {0}, false));
        assertEquals(columns.transpose().softmax(1).transpose(), columns.softmax(0));
    }

    @Test
    void aNaNScoreMakesItsOwnRowNaNAndNoOther() {
        Tensor x = Tensor.matrix(new double[][] {{Double.NaN, 0}, {0, 0}});
        assertEquals(Tensor.matrix(new double[][] {{Double.NaN, Double.NaN}, {0.5, 0.5}}), x.softmax(1));
        assertEquals(Tensor.vector(Double.NaN, LOG_2), x.logSumExp(new int[] {1}, false));
    }

    @Test
    void hugeScoresNeitherOverflowNorLoseTheirOrder() {
        assertEquals(Tensor.vector(1, 0, 0), Tensor.vector(1e300, -1e300, 0).softmax(0));
        assertEquals(Tensor.vector(0, -2e300), Tensor.vector(1e300, -1e300).logSoftmax(0));
        assertEquals(Tensor.scalar(1e300), Tensor.vector(1e300, 1e300).logSumExp(new int[] {0}, false),
                "log 2 is below half an ulp of 1e300");
        double max = Double.MAX_VALUE;
        assertEquals(Tensor.scalar(max), Tensor.vector(max, max).logSumExp(new int[] {0}, false));
        assertEquals(Tensor.vector(0.5, 0.5), Tensor.vector(max, max).softmax(0));
        assertEquals(Tensor.vector(1, 0), Tensor.vector(max, -max).softmax(0));
        // log p = −max − max is below −MAX_VALUE: it overflows to −∞, the log of the p = 0 that softmax gives.
        assertEquals(Tensor.vector(0, NEG_INF), Tensor.vector(max, -max).logSoftmax(0));
    }
}
