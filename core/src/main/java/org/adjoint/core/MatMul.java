package org.adjoint.core;

/**
 * Matrix products on row-major arrays.
 *
 * <p>Two kernels compute the rows of a product. When the Vector API is available (see
 * {@link Vectorization}), {@code VectorMatMul} uses its fused multiply-adds in registers: three to
 * four times faster. Otherwise the pure-Java kernel below runs.
 *
 * <p>The pure-Java kernel is {@link JavaMatMul}. Products of more than {@link #PARALLEL_THRESHOLD}
 * multiply-adds split their rows across threads (see {@link Parallel}); smaller ones stay on the
 * calling thread.
 */
final class MatMul {

    /** Multiply-adds above which a product is split across threads; below, the hand-off costs more than it saves. */
    static final long PARALLEL_THRESHOLD = 1L << 16;
    /** Rows per chunk are a multiple of the kernels' tile height. */
    private static final int ROW_GRAIN = 8;

    /**
     * Computes rows {@code [from, to)} of {@code c += A·b} for an m×k matrix A whose element (i, p) is
     * {@code a[i·rowStride + p·colStride]} (so A can be a stored matrix or the transpose of one) and a
     * row-major k×n {@code b}.
     */
    interface Kernel {
        void rows(double[] a, int rowStride, int colStride, double[] b, double[] c, int k, int n, int from, int to);
    }

    /** The pure-Java kernel, always available. */
    static final Kernel JAVA = JavaMatMul::rows;

    /** The kernel every product uses, chosen once (after {@link #JAVA}, its fallback, is initialized). */
    static final Kernel KERNEL = Vectorization.choose("org.adjoint.core.VectorMatMul", Kernel.class, JAVA);

    private MatMul() {
    }

    /** The name of the kernel in use, for benchmark reports. */
    static String kernelName() {
        return KERNEL == JAVA ? "pure Java" : "Vector API";
    }

    /**
     * The product with NumPy's rules for vectors: a vector on the left acts as a row, on the right as
     * a column, and the added axis is removed from the result.
     */
    static Tensor matmul(Tensor a, Tensor b) {
        if (a.rank() == 0 || b.rank() == 0 || a.rank() > 2 || b.rank() > 2) {
            throw new IllegalArgumentException("matmul: " + a.shape + " @ " + b.shape
                    + " — operands must be vectors or matrices (rank 1 or 2)");
        }
        int m = a.rank() == 2 ? a.shape.dim(0) : 1;
        int k = a.shape.dim(-1);
        int kb = b.shape.dim(0);
        int n = b.rank() == 2 ? b.shape.dim(1) : 1;
        if (k != kb) {
            throw new IllegalArgumentException("matmul: " + a.shape + " @ " + b.shape
                    + " — inner dimensions " + k + " and " + kb + " differ");
        }
        Shape shape;
        if (a.rank() == 2 && b.rank() == 2) {
            shape = product("matmul", "%s @ %s", a, b, m, n);
        } else if (a.rank() == 2) {
            shape = Shape.of(m);
        } else if (b.rank() == 2) {
            shape = Shape.of(n);
        } else {
            shape = Shape.SCALAR;
        }
        double[] c = new double[shape.size()];
        multiply(a.data, k, 1, b.data, c, m, k, n);
        return new Tensor(shape, c);
    }

    /**
     * {@code aᵀ·b} for matrices, without materializing the transpose: the kernel reads A by columns.
     */
    static Tensor transposedTimes(Tensor a, Tensor b) {
        requireMatrices("transposedMatmul", a, b);
        int k = a.shape.dim(0);
        int m = a.shape.dim(1);
        int n = b.shape.dim(1);
        if (b.shape.dim(0) != k) {
            throw new IllegalArgumentException("transposedMatmul: " + a.shape + "ᵀ @ " + b.shape + " — inner dimensions "
                    + k + " and " + b.shape.dim(0) + " differ");
        }
        Shape shape = product("transposedMatmul", "%sᵀ @ %s", a, b, m, n);
        double[] c = new double[shape.size()];
        multiply(a.data, 1, m, b.data, c, m, k, n);
        return new Tensor(shape, c);
    }

    /**
     * The m×n shape of a product, checked before anything is allocated: the operands can be small
     * (or empty) while the product overflows an array. {@code notation} writes the operands, e.g.
     * {@code "%s @ %s"}, for the message only.
     */
    private static Shape product(String op, String notation, Tensor a, Tensor b, int m, int n) {
        long size = (long) m * n;
        if (size > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(op + ": " + String.format(notation, a.shape, b.shape)
                    + " — the product would be [" + m + ", " + n + "], " + size + " elements, more than the "
                    + Integer.MAX_VALUE + " an array can hold");
        }
        return Shape.of(m, n);
    }

    /** {@code a·bᵀ} for matrices: B is transposed tile by tile into a scratch copy, then multiplied. */
    static Tensor timesTransposed(Tensor a, Tensor b) {
        requireMatrices("matmulTransposed", a, b);
        if (a.shape.dim(1) != b.shape.dim(1)) {
            throw new IllegalArgumentException("matmulTransposed: " + a.shape + " @ " + b.shape + "ᵀ — inner dimensions "
                    + a.shape.dim(1) + " and " + b.shape.dim(1) + " differ");
        }
        product("matmulTransposed", "%s @ %sᵀ", a, b, a.shape.dim(0), b.shape.dim(0));
        return matmul(a, b.transpose());
    }

    private static void requireMatrices(String op, Tensor a, Tensor b) {
        if (a.rank() != 2 || b.rank() != 2) {
            throw new IllegalArgumentException(op + ": " + a.shape + " and " + b.shape + " must both be matrices");
        }
    }

    /** {@code c += A·b} (A addressed by strides, see {@link Kernel}), split across threads when large. */
    static void multiply(double[] a, int rowStride, int colStride, double[] b, double[] c, int m, int k, int n) {
        if ((long) m * k * n < PARALLEL_THRESHOLD) {
            KERNEL.rows(a, rowStride, colStride, b, c, k, n, 0, m);
        } else {
            int perThread = (m + Parallel.THREADS - 1) / Parallel.THREADS;
            int grain = Math.max(ROW_GRAIN, (perThread + ROW_GRAIN - 1) / ROW_GRAIN * ROW_GRAIN);
            Parallel.forRange(m, grain, (from, to) -> KERNEL.rows(a, rowStride, colStride, b, c, k, n, from, to));
        }
    }
}
