package org.adjoint.core;

/**
 * Matrix products on row-major arrays.
 *
 * <p>Two kernels compute the rows of a product. When the Vector API is available (see
 * {@link Vectorization}), {@link VectorMatMul} uses its fused multiply-adds in registers: three to
 * four times faster. Otherwise the pure-Java kernel below runs.
 *
 * <p>The pure-Java kernel updates four rows of C from four consecutive columns of A at a time: for each row
 * segment of B it loads four B rows once and adds their weighted sum into four C rows, so every
 * load and store of C serves sixteen multiply-adds. The innermost loop runs along contiguous rows of
 * B and C, which the JIT vectorizes. The k and j loops are blocked so that the B block (128 rows of
 * 512) and the C row segments stay in cache. Products of more than {@link #PARALLEL_THRESHOLD}
 * multiply-adds split their rows across threads (see {@link Parallel}); smaller ones stay on the
 * calling thread.
 */
final class MatMul {

    /** Multiply-adds above which a product is split across threads; below, the hand-off costs more than it saves. */
    static final long PARALLEL_THRESHOLD = 1L << 16;
    private static final int K_BLOCK = 128;
    private static final int J_BLOCK = 512;
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
    static final Kernel JAVA = MatMul::rows;

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
            Parallel.forRange(m, ROW_GRAIN, (from, to) -> KERNEL.rows(a, rowStride, colStride, b, c, k, n, from, to));
        }
    }

    /** {@code c[from..to) += A[from..to)·b}, blocked; A addressed by strides. */
    static void rows(double[] a, int rs, int cs, double[] b, double[] c, int k, int n, int from, int to) {
        for (int jj = 0; jj < n; jj += J_BLOCK) {
            int je = Math.min(n, jj + J_BLOCK);
            for (int pp = 0; pp < k; pp += K_BLOCK) {
                int pe = Math.min(k, pp + K_BLOCK);
                int i = from;
                for (; i + 3 < to; i += 4) {
                    fourRows(a, rs, cs, b, c, n, i, pp, pe, jj, je);
                }
                for (; i < to; i++) {
                    oneRow(a, rs, cs, b, c, n, i, pp, pe, jj, je);
                }
            }
        }
    }

    /** Rows i..i+3 of C, columns [jj, je), from columns [pp, pe) of A. */
    private static void fourRows(double[] a, int rs, int cs, double[] b, double[] c, int n, int i, int pp, int pe, int jj,
                                 int je) {
        int c0 = i * n;
        int c1 = c0 + n;
        int c2 = c1 + n;
        int c3 = c2 + n;
        int a0 = i * rs;
        int a1 = a0 + rs;
        int a2 = a1 + rs;
        int a3 = a2 + rs;
        int p = pp;
        for (; p + 3 < pe; p += 4) {
            int q0 = p * cs;
            int q1 = q0 + cs;
            int q2 = q1 + cs;
            int q3 = q2 + cs;
            double x0 = a[a0 + q0], y0 = a[a0 + q1], z0 = a[a0 + q2], w0 = a[a0 + q3];
            double x1 = a[a1 + q0], y1 = a[a1 + q1], z1 = a[a1 + q2], w1 = a[a1 + q3];
            double x2 = a[a2 + q0], y2 = a[a2 + q1], z2 = a[a2 + q2], w2 = a[a2 + q3];
            double x3 = a[a3 + q0], y3 = a[a3 + q1], z3 = a[a3 + q2], w3 = a[a3 + q3];
            int b0 = p * n;
            int b1 = b0 + n;
            int b2 = b1 + n;
            int b3 = b2 + n;
            for (int j = jj; j < je; j++) {
                double u = b[b0 + j];
                double v = b[b1 + j];
                double s = b[b2 + j];
                double t = b[b3 + j];
                c[c0 + j] += x0 * u + y0 * v + z0 * s + w0 * t;
                c[c1 + j] += x1 * u + y1 * v + z1 * s + w1 * t;
                c[c2 + j] += x2 * u + y2 * v + z2 * s + w2 * t;
                c[c3 + j] += x3 * u + y3 * v + z3 * s + w3 * t;
            }
        }
        for (; p < pe; p++) {
            double x0 = a[a0 + p * cs];
            double x1 = a[a1 + p * cs];
            double x2 = a[a2 + p * cs];
            double x3 = a[a3 + p * cs];
            int b0 = p * n;
            for (int j = jj; j < je; j++) {
                double u = b[b0 + j];
                c[c0 + j] += x0 * u;
                c[c1 + j] += x1 * u;
                c[c2 + j] += x2 * u;
                c[c3 + j] += x3 * u;
            }
        }
    }

    /** Row i of C, columns [jj, je), from columns [pp, pe) of A. */
    private static void oneRow(double[] a, int rs, int cs, double[] b, double[] c, int n, int i, int pp, int pe, int jj,
                               int je) {
        int c0 = i * n;
        int a0 = i * rs;
        for (int p = pp; p < pe; p++) {
            double x0 = a[a0 + p * cs];
            int b0 = p * n;
            for (int j = jj; j < je; j++) {
                c[c0 + j] += x0 * b[b0 + j];
            }
        }
    }
}
