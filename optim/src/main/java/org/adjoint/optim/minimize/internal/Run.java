package org.adjoint.optim.minimize.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleSupplier;
import org.adjoint.core.Tensor;
import org.adjoint.optim.minimize.CountingObjective;
import org.adjoint.optim.minimize.Evaluation;
import org.adjoint.optim.minimize.MinimizationResult;
import org.adjoint.optim.minimize.Objective;
import org.adjoint.optim.minimize.StopReason;
import org.adjoint.optim.minimize.Stopping;
import org.adjoint.optim.minimize.linesearch.LineFunction;

/**
 * The bookkeeping of one minimization run: the counted objective, the trace, the best point, and the
 * result when it stops. Every minimizer makes one per call of {@code minimize}; not thread-safe.
 */
public final class Run {

    private final CountingObjective f;
    private final Stopping stopping;
    private final List<Tensor> trace = new ArrayList<>();
    private final List<Double> values = new ArrayList<>();
    private Tensor bestX;
    private double bestValue = Double.NaN;
    private double bestGradientNorm = Double.NaN;
    private Tensor lastX;
    private double lastValue = Double.NaN;
    private double lastGradientNorm = Double.NaN;
    private int iterations;
    private int stalled;

    /**
     * Starts a run of {@code method} (named in error messages) from {@code x0}, counting evaluations of
     * {@code objective} afresh.
     *
     * @throws IllegalArgumentException if x0 is not a non-empty finite vector
     */
    public Run(String method, Objective objective, Tensor x0, Stopping stopping) {
        if (x0.rank() != 1 || x0.size() == 0) {
            throw new IllegalArgumentException(method + ": the starting point must be a non-empty vector, got shape "
                    + x0.shape());
        }
        if (!x0.isFinite()) {
            throw new IllegalArgumentException(method + ": the starting point " + x0 + " is not finite");
        }
        this.f = Objective.counting(objective);
        this.stopping = stopping;
    }

    /** The objective, counting this run's evaluations. */
    public CountingObjective objective() {
        return f;
    }

    /** The stopping criteria. */
    public Stopping stopping() {
        return stopping;
    }

    /** f and ∇f at x, with the gradient's shape checked against x's. */
    public Evaluation evaluate(Tensor x) {
        Evaluation e = f.evaluate(x);
        if (!e.gradient().shape().equals(x.shape())) {
            throw new IllegalArgumentException("objective: the gradient has shape " + e.gradient().shape()
                    + " but the point has shape " + x.shape());
        }
        return e;
    }

    /** Adds a point to the trace and keeps it if it is the best so far; gradient may be null. */
    public void record(Tensor x, double value, Tensor gradient) {
        trace.add(x);
        values.add(value);
        lastX = x;
        lastValue = value;
        lastGradientNorm = gradient == null ? Double.NaN : Vectors.norm(gradient);
        boolean better = !Double.isNaN(value) && (Double.isNaN(bestValue) || value < bestValue);
        if (bestX == null || better) {
            bestX = x;
            bestValue = value;
            bestGradientNorm = gradient == null ? Double.NaN : Vectors.norm(gradient);
        }
    }

    /** Adds an iterate to the trace. */
    public void record(Iterate it) {
        record(it.x(), it.value(), it.gradient());
    }

    /** Counts one iteration. */
    public void iterationDone() {
        iterations++;
    }

    /** The iterations counted so far. */
    public int iterations() {
        return iterations;
    }

    private boolean outOfIterations() {
        return iterations >= stopping.maxIterations();
    }

    /** The evaluations left in the budget (values, gradients, Hessians and products all count). */
    public int remainingEvaluations() {
        long left = (long) stopping.maxEvaluations() - f.counts().total();
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, left));
    }

    private boolean outOfEvaluations() {
        return f.counts().total() >= stopping.maxEvaluations();
    }

    /**
     * Records the starting point where f or ∇f is not finite, and stops: a run cannot begin there.
     */
    public MinimizationResult stopAtNonFiniteStart(Tensor x0, Evaluation e0) {
        record(x0, e0.value(), null);
        return stop(StopReason.NON_FINITE_VALUE, "f or ∇f is not finite at the starting point (f = " + e0.value() + ")");
    }

    /** The stop before a step from {@code current}: the gradient tolerance met, or a budget spent; else null. */
    public MinimizationResult stopBeforeStep(Iterate current) {
        if (current.gradientNorm() <= stopping.gradientTolerance()) {
            return stop(StopReason.GRADIENT_TOLERANCE, "‖∇f‖ = " + current.gradientNorm() + " ≤ " + stopping.gradientTolerance());
        }
        return budgetExhausted();
    }

    /**
     * The stop after the step from {@code from} to {@code to}: the function or the step tolerance met,
     * f unbounded below ({@code f ≤ −1e300}), or no progress for
     * {@link StopReason#STALLED_ITERATIONS} iterations in a row; else null. {@code stepLength} is asked
     * only for the message.
     */
    public MinimizationResult stopAfterStep(Iterate from, Iterate to, DoubleSupplier stepLength) {
        if (smallChange(from.value(), to.value())) {
            return stop(StopReason.FUNCTION_TOLERANCE, "f changed from " + from.value() + " to " + to.value());
        }
        if (smallStep(from.x(), to.x())) {
            return stop(StopReason.STEP_TOLERANCE, "the step was " + stepLength.getAsDouble());
        }
        if (to.value() <= LineFunction.UNBOUNDED) {
            return stop(StopReason.UNBOUNDED_BELOW, "f appears unbounded below: f = " + to.value() + " at " + to.x());
        }
        stalled = noProgress(from, to) ? stalled + 1 : 0;
        if (stalled >= StopReason.STALLED_ITERATIONS) {
            return stop(StopReason.NO_PROGRESS, "no progress: neither x nor f changed beyond rounding (|Δf| ≤ 4ε·max(|f|, 1),"
                    + " ‖Δx‖ ≤ 4ε·(1 + ‖x‖)) in " + stalled + " iterations; f = " + to.value() + ", ‖∇f‖ = " + to.gradientNorm());
        }
        return null;
    }

    /** Whether neither f nor x changed beyond rounding: the test of {@link StopReason#NO_PROGRESS}. */
    private static boolean noProgress(Iterate from, Iterate to) {
        double eps4 = 4 * Math.ulp(1.0);
        return Math.abs(to.value() - from.value()) <= eps4 * Math.max(Math.abs(to.value()), 1)
                && Vectors.norm(to.x().sub(from.x())) <= eps4 * (1 + Vectors.norm(to.x()));
    }

    /** Whether the change from value a to value b meets the function tolerance. */
    private boolean smallChange(double a, double b) {
        return stopping.functionTolerance() > 0
                && Math.abs(a - b) <= stopping.functionTolerance() * Math.max(Math.max(Math.abs(a), Math.abs(b)), 1);
    }

    /** Whether the step from x to y meets the step tolerance. */
    private boolean smallStep(Tensor x, Tensor y) {
        return stopping.stepTolerance() > 0
                && Vectors.norm(y.sub(x)) <= stopping.stepTolerance() * (1 + Vectors.norm(x));
    }

    /**
     * The result: the last iterate if a tolerance was met there, otherwise the best point met, so that
     * a failure or an exhausted budget never loses progress.
     */
    public MinimizationResult stop(StopReason reason, String message) {
        if (reason.converged() || bestX == null) {
            return new MinimizationResult(lastX, lastValue, lastGradientNorm, iterations, f.counts(), reason, message, trace,
                    values);
        }
        return new MinimizationResult(bestX, bestValue, bestGradientNorm, iterations, f.counts(), reason, message, trace, values);
    }

    /** Stops on budget exhaustion if either budget is spent, else returns null. */
    public MinimizationResult budgetExhausted() {
        if (outOfIterations()) {
            return stop(StopReason.MAX_ITERATIONS, "reached the limit of " + stopping.maxIterations() + " iterations");
        }
        if (outOfEvaluations()) {
            return stop(StopReason.MAX_EVALUATIONS, "reached the limit of " + stopping.maxEvaluations() + " evaluations");
        }
        return null;
    }
}
