package org.adjoint.optim.minimize.leastsquares;

/**
 * The Levenberg–Marquardt parameter λ for a trust region of radius Δ, by Moré's iteration on the
 * secular equation (Moré 1978, "The Levenberg–Marquardt algorithm: implementation and theory",
 * section 5). The step {@code p(λ)} minimizes {@code ‖J·p + r‖² + λ‖D·p‖²}; λ = 0 (the Gauss–Newton
 * step) when {@code ‖D·p(0)‖ ≤ 1.1·Δ}, and otherwise λ > 0 with {@code |‖D·p(λ)‖ − Δ| ≤ 0.1·Δ}, found
 * by Newton's method on {@code φ(λ) = ‖D·p(λ)‖ − Δ} safeguarded by bounds {@code [λₗ, λᵤ]} that
 * bracket the root (at most ten iterations, as in Moré's paper).
 *
 * <p>Every solve works from J's pivoted QR factors, never the normal equations: {@code p(λ)} is the
 * least-squares solution of {@code [R·Pᵀ; √λ·D]·p ≈ −[Qᵀr; 0]}, an n-column problem factored again
 * by QR for each λ. The Newton step is {@code λ₊ = λ + (φ/Δ)/‖S⁻ᵀ·D²p/‖D·p‖‖²}, S that problem's
 * triangular factor.
 */
final class LmParameter {

    /** The smallest positive normal double, Moré's "dwarf". */
    private static final double DWARF = Double.MIN_NORMAL;
    private static final int MAX_ITERATIONS = 10;

    /** A step and the λ that produced it. */
    record Step(double lambda, double[] p) {
    }

    private LmParameter() {
    }

    /**
     * The step for radius {@code delta}, starting Newton's method from {@code lambda0}.
     *
     * @param qr      the pivoted QR factors of J
     * @param qtr     the first n elements of Qᵀr
     * @param d       the scaling D (positive), in J's column order
     * @param delta   Δ > 0
     * @param lambda0 the previous iteration's λ (0 at first)
     */
    static Step solve(PivotedQr qr, double[] qtr, double[] d, double delta, double lambda0) {
        double[] x = qr.solve(qtr, qr.rank());
        double dxNorm = scaledNorm(d, x);
        double phi = dxNorm - delta;
        if (phi <= 0.1 * delta) {
            return new Step(0, negate(x));
        }
        // A Gauss–Newton step that overflows (R's diagonal tiny but not 0) is handled as a rank-deficient
        // one: no lower bound on λ, and the iteration starts from λᵤ/1000.
        boolean resolved = qr.rank() == d.length && dxNorm < Double.POSITIVE_INFINITY;
        double lower = resolved ? finiteOrZero((phi / delta) / qr.inverseNormSquared(scaledDirection(d, x, dxNorm))) : 0;
        double gNorm = scaledGradientNorm(qr.jTransposeTimes(qtr), d);
        double upper = gNorm / delta;
        if (upper == 0) {
            upper = DWARF / Math.min(delta, 0.1);
        }
        double lambda = Math.min(Math.max(lambda0, lower), upper);
        if (lambda == 0 && resolved) {
            lambda = gNorm / dxNorm;
        }
        return secularNewton(qr, qtr, d, delta, new double[] {lambda, lower, upper, phi});
    }

    /**
     * Safeguarded Newton iteration on φ(λ) from {@code state = {λ, λₗ, λᵤ, φ(0)}}; a Newton correction
     * that overflows is dropped (taken as 0), so that λ stays finite.
     */
    private static Step secularNewton(PivotedQr qr, double[] qtr, double[] d, double delta, double[] state) {
        int n = d.length;
        double lambda = state[0];
        double lower = state[1];
        double upper = state[2];
        double phi = state[3];
        double[] rp = qr.r();
        int[] perm = qr.permutation();
        for (int iteration = 1; ; iteration++) {
            if (lambda == 0) {
                lambda = Math.max(DWARF, 0.001 * upper);
            }
            PivotedQr damped = new PivotedQr(augmented(rp, perm, d, Math.sqrt(lambda)), 2 * n, n);
            double[] x = damped.solve(damped.qTransposeTimes(padded(qtr, 2 * n)), damped.rank());
            double dxNorm = scaledNorm(d, x);
            double previousPhi = phi;
            phi = dxNorm - delta;
            if (Math.abs(phi) <= 0.1 * delta || lower == 0 && phi <= previousPhi && previousPhi < 0
                    || iteration == MAX_ITERATIONS) {
                return new Step(lambda, negate(x));
            }
            double correction = finiteOrZero((phi / delta) / damped.inverseNormSquared(scaledDirection(d, x, dxNorm)));
            lower = phi > 0 ? Math.max(lower, lambda) : lower;
            upper = phi < 0 ? Math.min(upper, lambda) : upper;
            lambda = Math.max(lower, lambda + correction);
        }
    }

    /** The (2n) × n matrix {@code [R·Pᵀ; s·D]}, row-major. */
    private static double[] augmented(double[] r, int[] perm, double[] d, double s) {
        int n = d.length;
        double[] a = new double[2 * n * n];
        for (int i = 0; i < n; i++) {
            for (int k = i; k < n; k++) {
                a[i * n + perm[k]] = r[i * n + k];
            }
            a[(n + i) * n + i] = s * d[i];
        }
        return a;
    }

    private static double[] padded(double[] v, int length) {
        double[] out = new double[length];
        System.arraycopy(v, 0, out, 0, v.length);
        return out;
    }

    /** {@code D²x / ‖Dx‖}, whose inverse-normal-matrix norm gives φ'. */
    private static double[] scaledDirection(double[] d, double[] x, double dxNorm) {
        double[] q = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            q[j] = d[j] * (d[j] * x[j] / dxNorm);
        }
        return q;
    }

    private static double scaledGradientNorm(double[] g, double[] d) {
        double[] s = new double[g.length];
        for (int j = 0; j < g.length; j++) {
            s[j] = g[j] / d[j];
        }
        return Norms.euclidean(s);
    }

    static double scaledNorm(double[] d, double[] x) {
        double[] s = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            s[j] = d[j] * x[j];
        }
        return Norms.euclidean(s);
    }

    private static double finiteOrZero(double v) {
        return Double.isFinite(v) ? v : 0;
    }

    private static double[] negate(double[] x) {
        double[] out = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            out[j] = -x[j];
        }
        return out;
    }
}
