package org.adjoint.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.linear.AbstractRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Sizes whose product or sum exceeds an {@code int} (issue 17, items 1 and 20). Before, each of these
 * wrapped around: an {@code ArrayIndexOutOfBoundsException}, a {@code NegativeArraySizeException}, or
 * worst, a silently wrong {@code [0, 0]} result. Now each is refused up front with an
 * {@link IllegalArgumentException} naming the operation and the sizes. The operands are empty or
 * small, so nothing large is ever allocated.
 */
class SizeOverflowTest {

    private static final int BIG = 1 << 16; // BIG · BIG = 2^32 wraps to 0 in int arithmetic

    /** The call fails with an IllegalArgumentException whose message starts with {@code op} and holds every fragment. */
    private static void refused(String op, Executable call, String... fragments) {
        String message = assertThrows(IllegalArgumentException.class, call).getMessage();
        assertTrue(message.startsWith(op + ": "), message);
        for (String fragment : fragments) {
            assertTrue(message.contains(fragment), message);
        }
    }

    @Test
    void identity() {
        refused("identity", () -> Tensor.identity(BIG), "[65536, 65536]", "4294967296");
    }

    @Test
    void matmulOfEmptyOperandsWithAHugeResult() {
        Tensor a = Tensor.zeros(BIG, 0);
        Tensor b = Tensor.zeros(0, BIG);
        refused("matmul", () -> a.matmul(b), "[65536, 0] @ [0, 65536]", "[65536, 65536]");
        refused("transposedMatmul", () -> Tensor.zeros(0, BIG).transposedMatmul(b), "[65536, 65536]");
        refused("matmulTransposed", () -> a.matmulTransposed(Tensor.zeros(BIG, 0)), "[65536, 65536]");
    }

    @Test
    void scatterAndOneHot() {
        int[] labels = new int[BIG];
        refused("scatter", () -> Tensor.zeros(BIG).scatter(labels, BIG), "[65536, 65536]");
        refused("oneHot", () -> Tensor.oneHot(labels, BIG), "65536 labels", "65536 classes");
    }

    @Test
    void arangeWithMoreElementsThanAnArrayHolds() {
        refused("arange", () -> Tensor.arange(0, 3e9, 1), "3.0E9", "3000000000");
        refused("arange", () -> Tensor.arange(-1e308, 1e308, 1e-300), "Infinity");
    }

    @Test
    void padWhoseExtentWrapsToZero() {
        // 2 + (2^31 − 1) + (2^31 − 1) = 2^32 wrapped to 0: the result was a [0, 0] tensor, silently.
        Tensor x = Tensor.zeros(2, 0);
        refused("pad", () -> x.pad(0, Integer.MAX_VALUE, Integer.MAX_VALUE), "4294967296", "[2, 0]");
        refused("pad", () -> x.pad(0, Integer.MAX_VALUE, 0), "2147483649");
    }

    @Test
    void concatWhoseExtentWrapsToZero() {
        // 4 · 2^30 = 2^32 wrapped to 0: the result was a [0, 0] tensor, silently.
        Tensor part = Tensor.zeros(1 << 30, 0);
        refused("concat", () -> Tensor.concat(0, part, part, part, part), "4294967296", "axis 0");
    }

    @Test
    void broadcastingNamesTheOperation() {
        refused("add", () -> Tensor.zeros(BIG, 1).add(Tensor.zeros(1, BIG)), "[65536, 65536]");
    }

    @Test
    void shapesRefuseNonzeroExtentsThatOverflowEvenWhenEmpty() {
        // As NumPy: np.empty((0, 2**40, 2**40)) is "array is too big"; the strides would not fit.
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Shape.of(0, BIG, BIG));
        assertTrue(e.getMessage().contains("[0, 65536, 65536]"), e.getMessage());
        assertEquals(0, Shape.of(0, BIG, BIG / 2 - 1).size());
    }

    @Test
    void reshapeOfAnEmptyTensorNamesTheSizes() {
        refused("reshape", () -> Tensor.zeros(0).reshape(BIG, BIG, -1), "[65536, 65536, 0]");
    }

    @Test
    void finiteDifferenceJacobianAndHessian() {
        Tensor x = Tensor.zeros(BIG);
        refused("jacobian", () -> FiniteDifferences.jacobian(t -> t, x), "[65536] and input shape [65536]");
        refused("hessian", () -> FiniteDifferences.hessian(t -> 0, x), "[65536, 65536]");
    }

    @Test
    void fromMatrixOfAHugeMatrix() {
        refused("fromMatrix", () -> LinearAlgebra.fromMatrix(new Dimensions(BIG, BIG)), "[65536, 65536]");
    }

    /** A matrix that has dimensions and no storage: only its size is ever asked. */
    private static final class Dimensions extends AbstractRealMatrix {
        private final int rows;
        private final int cols;

        Dimensions(int rows, int cols) {
            this.rows = rows;
            this.cols = cols;
        }

        @Override public int getRowDimension() { return rows; }
        @Override public int getColumnDimension() { return cols; }
        @Override public RealMatrix createMatrix(int r, int c) { throw new UnsupportedOperationException(); }
        @Override public RealMatrix copy() { throw new UnsupportedOperationException(); }
        @Override public double getEntry(int r, int c) { return 0; }
        @Override public void setEntry(int r, int c, double v) { throw new UnsupportedOperationException(); }
    }
}
