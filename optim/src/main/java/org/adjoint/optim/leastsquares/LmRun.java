package org.adjoint.optim.leastsquares;

import org.adjoint.core.Tensor;

/**
 * One Levenberg–Marquardt solve: the iteration {@link LevenbergMarquardt} documents, with the run's
 * mutable bookkeeping (iterate, radius, scaling, λ) kept here and nowhere else.
 */
final class LmRun {

    private static final double EPS = Math.ulp(1.0);

    private final LevenbergMarquardt config;
    private final ResidualEvaluator f;
    private final int n;
    private final int budget;
    private double[] x;
    private double[] r;
    private double cost;
    private double[] d;
    private double delta;
    private double lambda;
    private int iterations;

    LmRun(LevenbergMarquardt config, ResidualEvaluator f, double[] x0) {
        this.config = config;
        this.f = f;
        this.x = x0;
        this.n = x0.length;
        this.budget = config.budget(n);
    }

    LeastSquaresResult run() {
        r = f.values(x);
        requireFiniteStart();
        cost = config.loss().cost(r);
        while (true) {
            double[] j = f.jacobian(x);
            if (!allFinite(j)) {
                return finish(LeastSquaresStatus.NON_FINITE_JACOBIAN, j, "");
            }
            Linearization model = Linearization.of(config.loss(), r, j, n);
            PivotedQr qr = new PivotedQr(model.j(), f.m(), n);
            double[] norms = qr.columnNorms();
            double[] qtr = java.util.Arrays.copyOf(qr.qTransposeTimes(model.r()), n);
            initializeScaling(norms);
            double gNorm = gradientCosine(qr.jTransposeTimes(qtr), norms);
            if (gNorm <= config.gtol()) {
                return finish(LeastSquaresStatus.GRADIENT_TOLERANCE, j, "max cosine " + gNorm);
            }
            for (int c = 0; c < n; c++) {
                d[c] = Math.max(d[c], norms[c]);
            }
            LeastSquaresStatus stop = iterate(model, qr, qtr, gNorm);
            if (stop != null) {
                return finish(stop, null, "");
            }
        }
    }

    /** Trial steps from one linearization until one is taken (null) or a test stops the run. */
    private LeastSquaresStatus iterate(Linearization model, PivotedQr qr, double[] qtr, double gNorm) {
        double fNorm = Math.sqrt(2 * cost);
        while (true) {
            if (f.valueCount() >= budget) {
                return LeastSquaresStatus.MAX_EVALUATIONS;
            }
            LmParameter.Step step = LmParameter.solve(qr, qtr, d, delta, lambda);
            lambda = step.lambda();
            double[] p = step.p();
            double pNorm = LmParameter.scaledNorm(d, p);
            if (iterations == 0) {
                delta = Math.min(delta, pNorm);
            }
            double[] xt = plus(x, p);
            double[] rt = f.values(xt);
            double costT = allFinite(rt) ? config.loss().cost(rt) : Double.POSITIVE_INFINITY;
            double fNormT = Math.sqrt(2 * costT);
            double actual = 0.1 * fNormT < fNorm ? 1 - (fNormT / fNorm) * (fNormT / fNorm) : -1;
            double t1 = model.jacobianTimesNorm(p) / fNorm;
            double t2 = Math.sqrt(lambda) * pNorm / fNorm;
            double predicted = t1 * t1 + 2 * t2 * t2;
            double ratio = predicted != 0 ? actual / predicted : 0;
            updateRadius(ratio, actual, -(t1 * t1 + t2 * t2), fNorm, fNormT, pNorm);
            if (ratio >= 1e-4) {
                x = xt;
                r = rt;
                cost = costT;
                iterations++;
            }
            LeastSquaresStatus stop = tests(actual, predicted, ratio, gNorm);
            if (stop != null || ratio >= 1e-4) {
                return stop;
            }
        }
    }

    /** Moré's radius update from the ratio ρ of actual to predicted reduction (directional derivative {@code dirDer}). */
    private void updateRadius(double ratio, double actual, double dirDer, double fNorm, double fNormT, double pNorm) {
        if (ratio <= 0.25) {
            double t = actual >= 0 ? 0.5 : 0.5 * dirDer / (dirDer + 0.5 * actual);
            if (0.1 * fNormT >= fNorm || t < 0.1) {
                t = 0.1;
            }
            delta = t * Math.min(delta, pNorm / 0.1);
            lambda /= t;
        } else if (lambda == 0 || ratio >= 0.75) {
            delta = pNorm / 0.5;
            lambda *= 0.5;
        }
    }

    private LeastSquaresStatus tests(double actual, double predicted, double ratio, double gNorm) {
        double xNorm = LmParameter.scaledNorm(d, x);
        boolean fTest = Math.abs(actual) <= config.ftol() && predicted <= config.ftol() && 0.5 * ratio <= 1;
        boolean xTest = delta <= config.xtol() * xNorm;
        if (fTest || xTest) {
            return fTest && xTest ? LeastSquaresStatus.FUNCTION_AND_STEP_TOLERANCE
                    : fTest ? LeastSquaresStatus.FUNCTION_TOLERANCE : LeastSquaresStatus.STEP_TOLERANCE;
        }
        boolean rounding = Math.abs(actual) <= EPS && predicted <= EPS && 0.5 * ratio <= 1
                || delta <= EPS * xNorm || gNorm <= EPS;
        return rounding ? LeastSquaresStatus.ROUNDING_LIMIT : null;
    }

    private void initializeScaling(double[] norms) {
        if (d != null) {
            return;
        }
        d = new double[n];
        for (int c = 0; c < n; c++) {
            d[c] = norms[c] == 0 ? 1 : norms[c];
        }
        double xNorm = LmParameter.scaledNorm(d, x);
        delta = xNorm == 0 ? config.initialStepBound() : config.initialStepBound() * xNorm;
    }

    /** {@code maxⱼ |(J̃ᵀr̃)ⱼ| / (‖J̃ⱼ‖·√(2C))}, 0 at an exact fit. */
    private double gradientCosine(double[] g, double[] norms) {
        double fNorm = Math.sqrt(2 * cost);
        double max = 0;
        if (fNorm == 0) {
            return 0;
        }
        for (int c = 0; c < n; c++) {
            if (norms[c] != 0) {
                max = Math.max(max, Math.abs(g[c]) / (fNorm * norms[c]));
            }
        }
        return max;
    }

    private void requireFiniteStart() {
        for (int i = 0; i < r.length; i++) {
            if (!Double.isFinite(r[i])) {
                throw new IllegalArgumentException("LevenbergMarquardt: residual " + i + " is " + r[i]
                        + " at the start θ₀ = " + java.util.Arrays.toString(x) + "; the residuals must be finite there");
            }
        }
    }

    /**
     * The result at x; {@code j} is J(x) if already known, else evaluated once more. A converged run is
     * polished first.
     */
    private LeastSquaresResult finish(LeastSquaresStatus status, double[] j, String detail) {
        double[] jacobian = j != null ? j : f.jacobian(x);
        int polished = 0;
        if (status.converged()) {
            int before = iterations;
            jacobian = polish(jacobian);
            polished = iterations - before;
        }
        int m = f.m();
        String message = status.description() + (detail.isEmpty() ? "" : " (" + detail + ")")
                + (polished == 0 ? "" : "; then " + polished + " Newton polishing step" + (polished == 1 ? "" : "s"));
        return new LeastSquaresResult(Tensor.vector(x), cost, Tensor.vector(r), Tensor.of(org.adjoint.core.Shape.of(m, n), jacobian),
                status, message, iterations, f.valueCount(), f.jacobianCount(),
                f.hessianCount());
    }

    /** Newton polishing ({@link NewtonPolish}) of a converged x with the linear loss; returns J at the final x. */
    private double[] polish(double[] j) {
        if (config.loss().kind() != Loss.Kind.LINEAR || !allFinite(j)) {
            return j;
        }
        NewtonPolish.Point end = NewtonPolish.polish(f, new NewtonPolish.Point(x, r, cost, j, 0), d, budget);
        x = end.x();
        r = end.r();
        cost = end.cost();
        iterations += end.steps();
        return end.j();
    }

    private static double[] plus(double[] x, double[] p) {
        double[] y = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            y[j] = x[j] + p[j];
        }
        return y;
    }

    private static boolean allFinite(double[] v) {
        for (double e : v) {
            if (!Double.isFinite(e)) {
                return false;
            }
        }
        return true;
    }
}
