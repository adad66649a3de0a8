package org.adjoint.optim.minimize.leastsquares;

/**
 * The Gauss–Newton model of the cost at one point: residuals and Jacobian rescaled for the loss (Triggs
 * et al.'s correction, as {@link Loss} describes), so that {@code ½‖r̃ + J̃p‖²} has the cost's gradient
 * {@code J̃ᵀr̃}. For the linear loss r̃ = r and J̃ = J.
 *
 * @param r the rescaled residuals r̃, length m
 * @param j the rescaled Jacobian J̃, m × n row-major
 */
record Linearization(double[] r, double[] j) {

    private static final double EPS = Math.ulp(1.0);

    /** The model at residuals {@code r} and Jacobian {@code j} (neither modified). */
    static Linearization of(Loss loss, double[] r, double[] j, int n) {
        if (loss.kind() == Loss.Kind.LINEAR) {
            return new Linearization(r, j);
        }
        double c2 = loss.fScale() * loss.fScale();
        double[] rt = new double[r.length];
        double[] jt = new double[j.length];
        for (int i = 0; i < r.length; i++) {
            double z = r[i] * r[i] / c2;
            double[] rho = loss.rho(z);
            double scale = Math.sqrt(Math.max(rho[1] + 2 * rho[2] * z, EPS));
            rt[i] = r[i] * rho[1] / scale;
            for (int c = 0; c < n; c++) {
                jt[i * n + c] = j[i * n + c] * scale;
            }
        }
        return new Linearization(rt, jt);
    }

    /** {@code ‖J̃·p‖}. */
    double jacobianTimesNorm(double[] p) {
        int n = p.length;
        double[] jp = new double[r.length];
        for (int i = 0; i < r.length; i++) {
            double s = 0;
            for (int c = 0; c < n; c++) {
                s += j[i * n + c] * p[c];
            }
            jp[i] = s;
        }
        return Norms.euclidean(jp);
    }
}
