package org.adjoint.core;

/**
 * Matrix products on row-major arrays. The loop order is i-k-j: the innermost loop streams a row of
 * {@code b} into a row of {@code c}, both contiguous, so it vectorizes and stays in cache; the naive
 * i-j-k order strides down columns of {@code b} and is several times slower.
 */
final class MatMul {

    private MatMul() {
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
        double[] c = new double[m * n];
        multiply(a.data, b.data, c, m, k, n);
        Shape shape;
        if (a.rank() == 2 && b.rank() == 2) {
            shape = Shape.of(m, n);
        } else if (a.rank() == 2) {
            shape = Shape.of(m);
        } else if (b.rank() == 2) {
            shape = Shape.of(n);
        } else {
            shape = Shape.SCALAR;
        }
        return new Tensor(shape, c);
    }

    /** {@code c += a·b} for an m×k {@code a} and a k×n {@code b}. */
    static void multiply(double[] a, double[] b, double[] c, int m, int k, int n) {
        for (int i = 0; i < m; i++) {
            int rowC = i * n;
            int rowA = i * k;
            for (int p = 0; p < k; p++) {
                double aip = a[rowA + p];
                int rowB = p * n;
                for (int j = 0; j < n; j++) {
                    c[rowC + j] += aip * b[rowB + j];
                }
            }
        }
    }
}
