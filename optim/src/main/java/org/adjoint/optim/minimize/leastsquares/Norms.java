package org.adjoint.optim.minimize.leastsquares;

/** Vector norms that neither overflow nor underflow in their intermediate squares. */
final class Norms {

    private Norms() {
    }

    /** {@code ‖v‖₂}, scaled by the largest magnitude so that squares of huge or tiny elements stay finite. */
    static double euclidean(double[] v) {
        double scale = 0;
        for (double e : v) {
            scale = Math.max(scale, Math.abs(e));
        }
        if (scale == 0 || !Double.isFinite(scale)) {
            return scale;
        }
        double sum = 0;
        for (double e : v) {
            double t = e / scale;
            sum += t * t;
        }
        return scale * Math.sqrt(sum);
    }

    /** The Euclidean norms of the columns of J, m × n row-major. */
    static double[] columns(double[] j, int m, int n) {
        double[] norms = new double[n];
        double[] column = new double[m];
        for (int c = 0; c < n; c++) {
            for (int i = 0; i < m; i++) {
                column[i] = j[i * n + c];
            }
            norms[c] = euclidean(column);
        }
        return norms;
    }
}
