package org.adjoint.optim.minimize.leastsquares;

import org.adjoint.optim.minimize.bounded.Bounds;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.adjoint.core.Shape;
import org.adjoint.core.Tensor;

/**
 * One Levenberg–Marquardt solve: the iteration {@link LevenbergMarquardt} documents, with the run's
 * mutable bookkeeping (iterate, radius, scaling, λ) kept here and nowhere else.
 */
final class LmRun {

    private static final double EPS = Math.ulp(1.0);

    private final LevenbergMarquardt config;
    private final ResidualEvaluator f;
    private final Bounds bounds;
    private final int n;
    private final int budget;
    private double[] x;
    private double[] r;
    private double cost;
    private double[] d;
    private double delta;
    private double lambda;
    private int iterations;
    private final List<Tensor> trace = new ArrayList<>();
    private final List<Double> costs = new ArrayList<>();

    LmRun(LevenbergMarquardt config, ResidualEvaluator f, double[] x0, Bounds bounds) {
        this.config = config;
        this.f = f;
        this.bounds = bounds;
        this.x = x0;
        this.n = x0.length;
        this.budget = config.budget(n);
    }

    LeastSquaresResult run() {
        r = f.values(x);
        requireFiniteStart();
        cost = config.loss().cost(r);
        record();
        while (true) {
            double[] j = f.jacobian(x);
            if (!allFinite(j)) {
                return finish(LeastSquaresStatus.NON_FINITE_JACOBIAN, j, "");
            }
            Linearization model = Linearization.of(config.loss(), r, j, n);
            Subproblem sub = Subproblem.at(model, x, bounds, f.m());
            double[] norms = Norms.columns(model.j(), f.m(), n);
            initializeScaling(norms);
            double gNorm = gradientCosine(sub, norms);
            if (gNorm <= config.gtol()) {
                return finish(LeastSquaresStatus.GRADIENT_TOLERANCE, j, "max cosine " + gNorm
                        + (sub.free().length < n ? ", " + (n - sub.free().length) + " parameters held at bounds" : ""));
            }
            for (int c = 0; c < n; c++) {
                d[c] = Math.max(d[c], norms[c]);
            }
            LeastSquaresStatus stop = iterate(sub, gNorm);
            if (stop != null) {
                return finish(stop, null, "");
            }
        }
    }

    /** Trial steps from one linearization until one is taken (null) or a test stops the run. */
    private LeastSquaresStatus iterate(Subproblem sub, double gNorm) {
        double fNorm = Math.sqrt(2 * cost);
        while (true) {
            if (f.valueCount() >= budget) {
                return LeastSquaresStatus.MAX_EVALUATIONS;
            }
            Trial trial = trial(sub, fNorm);
            if (iterations == 0) {
                delta = Math.min(delta, trial.sNorm());
            }
            double[] rt = f.values(trial.xt());
            double costT = allFinite(rt) ? config.loss().cost(rt) : Double.POSITIVE_INFINITY;
            double fNormT = Math.sqrt(2 * costT);
            double actual = 0.1 * fNormT < fNorm ? 1 - (fNormT / fNorm) * (fNormT / fNorm) : -1;
            double ratio = trial.predicted() != 0 ? actual / trial.predicted() : 0;
            updateRadius(ratio, actual, trial.dirDer(), fNorm, fNormT, trial.sNorm());
            if (ratio >= 1e-4) {
                x = trial.xt();
                r = rt;
                cost = costT;
                iterations++;
                record();
            }
            LeastSquaresStatus stop = tests(actual, trial.predicted(), ratio, gNorm);
            if (stop != null || ratio >= 1e-4) {
                return stop;
            }
        }
    }

    /**
     * A trial point, its scaled step length, and the model's predicted relative reduction and
     * directional derivative.
     */
    private record Trial(double[] xt, double sNorm, double predicted, double dirDer) {
    }

    /**
     * The Levenberg–Marquardt step of the subproblem, projected into the box. Unclipped, the prediction
     * is Moré's {@code (‖J̃p‖² + 2λ‖Dp‖²)/‖r̃‖²}; clipped to s, the quadratic model's own reduction
     * {@code −(2gᵀs + ‖J̃s‖²)/‖r̃‖²} (the two agree for s = p).
     */
    private Trial trial(Subproblem sub, double fNorm) {
        LmParameter.Step step = LmParameter.solve(sub.qr(), sub.qtr(), sub.restrict(d), delta, lambda);
        lambda = step.lambda();
        double[] p = sub.expand(step.p(), n);
        double[] xt = Box.project(bounds, plus(x, p));
        double[] s = minus(xt, x);
        double sNorm = LmParameter.scaledNorm(d, s);
        if (Arrays.equals(s, p)) {
            double t1 = sub.model().jacobianTimesNorm(p) / fNorm;
            double t2 = Math.sqrt(lambda) * sNorm / fNorm;
            return new Trial(xt, sNorm, t1 * t1 + 2 * t2 * t2, -(t1 * t1 + t2 * t2));
        }
        double js = sub.model().jacobianTimesNorm(s) / fNorm;
        double gs = sub.gradientDot(s) / (fNorm * fNorm);
        return new Trial(xt, sNorm, -2 * gs - js * js, gs);
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

    /**
     * {@code maxⱼ |(J̃ᵀr̃)ⱼ| / (‖J̃ⱼ‖·√(2C))} over the free parameters (those held at a bound satisfy
     * the optimality conditions), 0 at an exact fit or when every parameter is held.
     */
    private double gradientCosine(Subproblem sub, double[] norms) {
        double fNorm = Math.sqrt(2 * cost);
        double max = 0;
        if (fNorm == 0) {
            return 0;
        }
        for (int c : sub.free()) {
            if (norms[c] != 0) {
                max = Math.max(max, Math.abs(sub.g()[c]) / (fNorm * norms[c]));
            }
        }
        return max;
    }

    private void requireFiniteStart() {
        for (int i = 0; i < r.length; i++) {
            if (!Double.isFinite(r[i])) {
                throw new IllegalArgumentException("LevenbergMarquardt: residual " + i + " is " + r[i]
                        + " at the start θ₀ = " + Arrays.toString(x) + "; the residuals must be finite there");
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
        return new LeastSquaresResult(Tensor.vector(x), cost, Tensor.vector(r), Tensor.of(Shape.of(m, n), jacobian),
                status, message, iterations, f.valueCount(), f.jacobianCount(), f.hessianCount(), trace, costs);
    }

    /** Newton polishing ({@link NewtonPolish}) of a converged x with the linear loss; returns J at the final x. */
    private double[] polish(double[] j) {
        if (config.loss().kind() != Loss.Kind.LINEAR || !allFinite(j)) {
            return j;
        }
        NewtonPolish.Point end = NewtonPolish.polish(f, new NewtonPolish.Point(x, r, cost, j, 0), d, budget, bounds);
        x = end.x();
        r = end.r();
        cost = end.cost();
        iterations += end.steps();
        if (end.steps() > 0) {
            record();
        }
        return end.j();
    }

    private void record() {
        trace.add(Tensor.vector(x));
        costs.add(cost);
    }

    private static double[] minus(double[] a, double[] b) {
        double[] y = new double[a.length];
        for (int j = 0; j < a.length; j++) {
            y[j] = a[j] - b[j];
        }
        return y;
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
