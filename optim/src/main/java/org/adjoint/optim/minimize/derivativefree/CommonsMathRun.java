package org.adjoint.optim.minimize.derivativefree;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.adjoint.core.Tensor;
import org.adjoint.optim.minimize.MinimizationResult;
import org.adjoint.optim.minimize.Objective;
import org.adjoint.optim.minimize.StopReason;
import org.adjoint.optim.minimize.Stopping;
import org.adjoint.optim.minimize.internal.Run;
import org.adjoint.optim.minimize.linesearch.LineFunction;
import org.apache.commons.math3.analysis.MultivariateFunction;
import org.apache.commons.math3.exception.MathIllegalArgumentException;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.exception.TooManyIterationsException;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;

/**
 * One run of a commons-math3 optimizer behind the project's {@link org.adjoint.optim.minimize.Minimizer}
 * contract: f at x₀ is evaluated and recorded first; every evaluation commons-math asks for goes
 * through the run's counting objective and is one iteration; each evaluation that lowers the best f
 * is added to the trace; NaN or +∞ is passed on as +∞, worse than any point, to a method that only
 * compares values ({@link NonFinite#WORST}), and stops a method that models f
 * ({@link NonFinite#STOPS}, {@link StopReason#NON_FINITE_VALUE}); f ≤ −1e300 stops the run
 * ({@link StopReason#UNBOUNDED_BELOW}); the evaluation budget becomes commons-math's
 * {@link MaxEval} (less the evaluation at x₀), so it is honoured exactly; and commons-math's refusals
 * of the problem become {@link IllegalArgumentException}s naming the method.
 */
final class CommonsMathRun {

    /** What a NaN or +∞ value does. */
    enum NonFinite {
        /** It is passed on as +∞: the method rejects the point (Nelder–Mead, Powell's Brent searches, CMA-ES). */
        WORST,
        /** It stops the run: the method interpolates f and cannot use it (BOBYQA). */
        STOPS
    }

    private final String method;
    private final NonFinite nonFinite;
    private final Run run;
    private final Tensor x0;
    private double best = Double.POSITIVE_INFINITY;
    private StopReason reason;
    private String message;

    private CommonsMathRun(String method, NonFinite nonFinite, Objective f, Tensor x0, Stopping stopping) {
        this.method = method;
        this.nonFinite = nonFinite;
        this.run = new Run(method, f, x0, stopping);
        this.x0 = x0;
    }

    /** A run of {@code method} from {@code x0}, its arguments checked for null; nothing evaluated yet. */
    static CommonsMathRun of(String method, NonFinite nonFinite, Objective f, Tensor x0, Stopping stopping) {
        Objects.requireNonNull(f, "f");
        Objects.requireNonNull(x0, "x0");
        Objects.requireNonNull(stopping, "stopping");
        return new CommonsMathRun(method, nonFinite, f, x0, stopping);
    }

    /** Evaluates f(x₀); the result if the run must stop there, else what {@code body} makes of the run. */
    MinimizationResult afterStart(Function<CommonsMathRun, MinimizationResult> body) {
        MinimizationResult early = start();
        return early != null ? early : body.apply(this);
    }

    /** Evaluates and records f(x₀); the result if the run must stop there, else null. */
    private MinimizationResult start() {
        double value = run.objective().value(x0);
        run.record(x0, value, null);
        best = value;
        if (!(value < Double.POSITIVE_INFINITY)) {
            return run.stop(StopReason.NON_FINITE_VALUE, "f is not finite at the starting point (f = " + value + ")");
        }
        if (value <= LineFunction.UNBOUNDED) {
            return run.stop(StopReason.UNBOUNDED_BELOW, "f appears unbounded below: f = " + value + " at " + x0);
        }
        return maxEval() < 1 ? run.budgetExhausted() : null;
    }

    /** The starting point as an array. */
    double[] start0() {
        return x0.toArray();
    }

    /** The evaluations left for commons-math: one per iteration, within the evaluation budget. */
    MaxEval maxEvaluations() {
        return new MaxEval(maxEval());
    }

    private int maxEval() {
        Stopping s = run.stopping();
        return Math.min(s.maxIterations(), s.maxEvaluations() - 1);
    }

    /** f for commons-math, counted and traced; NaN and +∞ as {@link #nonFinite} says; f ≤ −1e300 stops the run. */
    MultivariateFunction function() {
        return point -> {
            Tensor x = Tensor.vector(point.clone());
            double value = run.objective().value(x);
            run.iterationDone();
            if (!(value < Double.POSITIVE_INFINITY) && nonFinite == NonFinite.WORST) {
                return Double.POSITIVE_INFINITY;
            }
            if (!(value < Double.POSITIVE_INFINITY)) {
                run.record(x, value, null);
                throw new Stopped(run.stop(StopReason.NON_FINITE_VALUE, "f = " + value + " at " + x + " (evaluation "
                        + run.objective().counts().total() + ")"));
            }
            if (value < best) {
                best = value;
                run.record(x, value, null);
            }
            if (value <= LineFunction.UNBOUNDED) {
                throw new Stopped(run.stop(StopReason.UNBOUNDED_BELOW, "f appears unbounded below: f = " + value + " at " + x));
            }
            return value;
        };
    }

    /** Whether the Stopping's relative function test holds between two values (off when its tolerance is 0). */
    boolean smallChange(double a, double b) {
        double tolerance = run.stopping().functionTolerance();
        if (tolerance > 0 && Math.abs(a - b) <= tolerance * Math.max(Math.max(Math.abs(a), Math.abs(b)), 1)) {
            return converged(StopReason.FUNCTION_TOLERANCE, "f changed by " + Math.abs(a - b) + " ≤ " + tolerance
                    + "·max(|f|, 1)");
        }
        return false;
    }

    /** Whether the Stopping's relative step test holds for a distance from x (off when its tolerance is 0). */
    boolean smallStep(double distance, double[] x) {
        double tolerance = run.stopping().stepTolerance();
        double norm = Math.sqrt(Arrays.stream(x).map(v -> v * v).sum());
        if (tolerance > 0 && distance <= tolerance * (1 + norm)) {
            return converged(StopReason.STEP_TOLERANCE, "the step was " + distance + " ≤ " + tolerance + "·(1 + ‖x‖)");
        }
        return false;
    }

    /** The Stopping's function or step test between the best points of consecutive iterations. */
    boolean consecutiveBestPointsConverged(PointValuePair previous, PointValuePair current) {
        double[] a = previous.getPoint();
        double[] b = current.getPoint();
        double squared = 0;
        for (int k = 0; k < a.length; k++) {
            squared += (b[k] - a[k]) * (b[k] - a[k]);
        }
        return smallChange(previous.getValue(), current.getValue()) || smallStep(Math.sqrt(squared), a);
    }

    /** Records the tolerance met, for when commons-math returns; always true. */
    boolean converged(StopReason why, String text) {
        reason = why;
        message = text;
        return true;
    }

    /**
     * Runs commons-math and builds the result: the reason recorded by a convergence test, or else
     * {@code ownReason} with {@code ownMessage} (the method's own stopping rule) when it returns; the
     * budget, a stop from {@link #function()}, or a refusal of the problem otherwise.
     */
    MinimizationResult finish(Supplier<PointValuePair> optimize, StopReason ownReason, String ownMessage) {
        try {
            optimize.get();
        } catch (Stopped e) {
            return e.result;
        } catch (TooManyEvaluationsException | TooManyIterationsException e) {
            return budgetSpent();
        } catch (MathIllegalArgumentException | MathIllegalStateException e) {
            throw new IllegalArgumentException(method + ": commons-math refused the problem: " + e.getMessage(), e);
        }
        if (reason != null) {
            return run.stop(reason, message);
        }
        // CMA-ES catches commons-math's own TooManyEvaluationsException and returns its best point
        return run.iterations() >= maxEval() ? budgetSpent() : run.stop(ownReason, ownMessage);
    }

    private MinimizationResult budgetSpent() {
        Stopping s = run.stopping();
        return run.objective().counts().total() >= s.maxEvaluations()
                ? run.stop(StopReason.MAX_EVALUATIONS, "reached the limit of " + s.maxEvaluations() + " evaluations")
                : run.stop(StopReason.MAX_ITERATIONS, "reached the limit of " + s.maxIterations() + " iterations (one per evaluation)");
    }

    /** A stop decided inside commons-math's callback, carried out of it. */
    private static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient MinimizationResult result;

        Stopped(MinimizationResult result) {
            super(null, null, false, false);
            this.result = result;
        }
    }
}
