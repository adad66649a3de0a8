package org.adjoint.optim.leastsquares;

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
}
