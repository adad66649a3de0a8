package org.adjoint.optim.minimize.leastsquares;

/** Solves symmetric positive definite systems by the Cholesky factorization {@code A = LLᵀ}. */
final class Cholesky {

    private Cholesky() {
    }

    /**
     * x with {@code A·x = b}, A n × n row-major (only its lower triangle is read; neither argument is
     * modified), or null when A is not numerically positive definite.
     */
    static double[] solve(double[] a, double[] b, int n) {
        double[] l = factor(a, n);
        if (l == null) {
            return null;
        }
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double s = b[i];
            for (int q = 0; q < i; q++) {
                s -= l[i * n + q] * y[q];
            }
            y[i] = s / l[i * n + i];
        }
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = y[i];
            for (int q = i + 1; q < n; q++) {
                s -= l[q * n + i] * x[q];
            }
            x[i] = s / l[i * n + i];
        }
        return x;
    }

    /** L, lower triangular with a positive diagonal, or null when a pivot is not positive. */
    private static double[] factor(double[] a, int n) {
        double[] l = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k <= i; k++) {
                double s = a[i * n + k];
                for (int q = 0; q < k; q++) {
                    s -= l[i * n + q] * l[k * n + q];
                }
                if (i == k && !(s > 0)) {
                    return null;
                }
                l[i * n + k] = i == k ? Math.sqrt(s) : s / l[k * n + k];
            }
        }
        return l;
    }
}
