package org.adjoint.optim.minimize.bounded;

import java.util.Arrays;

/**
 * The small dense linear algebra of L-BFGS-B, on matrices of at most 2m × 2m (m the memory):
 * Gaussian elimination with partial pivoting. Row-major {@code double[][]}; nothing is modified.
 */
final class Dense {

    private Dense() {
    }

    /** {@code aᵀb} of two arrays of one length. */
    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** {@code A·v}. */
    static double[] times(double[][] a, double[] v) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = dot(a[i], v);
        }
        return r;
    }

    /** {@code A⁻¹}, column by column. */
    static double[][] inverse(double[][] a) {
        int n = a.length;
        double[][] columns = new double[n][];
        for (int j = 0; j < n; j++) {
            double[] e = new double[n];
            e[j] = 1;
            columns[j] = solve(a, e);
        }
        double[][] inv = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                inv[i][j] = columns[j][i];
            }
        }
        return inv;
    }

    /**
     * The solution of {@code A·x = b}; a zero pivot (A singular, which the curvature test on the pairs
     * rules out up to rounding) gives non-finite elements, which the caller treats as a failed direction.
     */
    static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][];
        for (int i = 0; i < n; i++) {
            m[i] = Arrays.copyOf(a[i], n + 1);
            m[i][n] = b[i];
        }
        for (int k = 0; k < n; k++) {
            int p = k;
            for (int i = k + 1; i < n; i++) {
                if (Math.abs(m[i][k]) > Math.abs(m[p][k])) {
                    p = i;
                }
            }
            double[] t = m[k];
            m[k] = m[p];
            m[p] = t;
            for (int i = k + 1; i < n; i++) {
                double factor = m[i][k] / m[k][k];
                for (int j = k; j <= n; j++) {
                    m[i][j] -= factor * m[k][j];
                }
            }
        }
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = m[i][n];
            for (int j = i + 1; j < n; j++) {
                s -= m[i][j] * x[j];
            }
            x[i] = s / m[i][i];
        }
        return x;
    }
}
