package org.adjoint.optim.minimize.leastsquares;

/**
 * Dot products accurate as if computed in twice the working precision and then rounded (Ogita, Rump
 * and Oishi, "Accurate sum and dot product", SIAM J. Sci. Comput. 26, 2005, algorithm Dot2): error-free
 * transformations of each product ({@link Math#fma}) and each sum (Knuth's TwoSum).
 */
final class AccurateSums {

    private AccurateSums() {
    }

    /** {@code Jᵀr} for J m × n row-major, each element by Dot2. */
    static double[] jTransposeTimes(double[] j, double[] r, int n) {
        double[] g = new double[n];
        for (int c = 0; c < n; c++) {
            double sum = 0;
            double error = 0;
            for (int i = 0; i < r.length; i++) {
                double product = j[i * n + c] * r[i];
                double productError = Math.fma(j[i * n + c], r[i], -product);
                double t = sum + product;
                double z = t - sum;
                error += (sum - (t - z)) + (product - z) + productError;
                sum = t;
            }
            g[c] = sum + error;
        }
        return g;
    }
}
