package org.adjoint.optim.minimize.bounded;

import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;
import org.adjoint.core.Tensor;
import org.adjoint.optim.minimize.Evaluation;
import org.adjoint.optim.minimize.MinimizationResult;
import org.adjoint.optim.minimize.Objective;
import org.adjoint.optim.minimize.StopReason;
import org.adjoint.optim.minimize.Stopping;
import org.adjoint.optim.minimize.internal.Iterate;
import org.adjoint.optim.minimize.internal.Run;
import org.adjoint.optim.minimize.linesearch.LineFunction;
import org.adjoint.optim.minimize.linesearch.LinePoint;
import org.adjoint.optim.minimize.linesearch.LineSearchResult;
import org.adjoint.optim.minimize.linesearch.LineSearchStatus;

/** One run of {@link LbfgsB}: the iteration loop, its state and its stopping tests. Not thread-safe. */
final class LbfgsBRun {

    /** SciPy's cap on the step when no bound limits it. */
    private static final double BIG_STEP = 1e10;

    private final LbfgsB method;
    private final Bounds bounds;
    private final Run run;
    private final Objective inBox;
    private final CompactMemory memory;
    private final Tensor x0;
    private final Map<Tensor, Double> projectedGradientNorms = new IdentityHashMap<>();
    private Iterate current;
    private boolean firstIteration = true;

    LbfgsBRun(LbfgsB method, Objective f, Tensor x0, Bounds bounds, Stopping stopping) {
        this.method = method;
        this.bounds = bounds;
        this.run = new Run("LbfgsB", f, x0, stopping);
        this.inBox = new Projected(run.objective(), bounds);
        this.memory = new CompactMemory(method.memory());
        this.x0 = x0;
    }

    BoundedResult run() {
        Tensor start = bounds.project(x0);
        Evaluation e0 = run.evaluate(start);
        if (!e0.isFinite()) {
            return finish(run.stopAtNonFiniteStart(start, e0));
        }
        current = new Iterate(start, e0);
        record(current);
        MinimizationResult stop = gradientTest();
        while (stop == null) {
            stop = run.budgetExhausted();
            if (stop != null) {
                break;
            }
            Iterate from = current;
            stop = step();
            if (stop == null) {
                stop = gradientTest();
            }
            if (stop == null) {
                Iterate to = current;
                stop = run.stopAfterStep(from, to, () -> norm(to.x().sub(from.x())));
            }
        }
        return finish(stop);
    }

    /** The stop when {@code ‖P(x − ∇f) − x‖∞ ≤ pgtol}, else null. */
    private MinimizationResult gradientTest() {
        double pg = projectedGradientInfNorm();
        if (pg <= run.stopping().gradientTolerance()) {
            return run.stop(StopReason.GRADIENT_TOLERANCE, "‖P(x − ∇f) − x‖∞ = " + pg + " ≤ "
                    + run.stopping().gradientTolerance());
        }
        return null;
    }

    /** One iteration: a direction, a line search in the box (retried once with an empty memory), the move. */
    private MinimizationResult step() {
        while (true) {
            double[] x = current.x().toArray();
            double[] g = current.gradient().toArray();
            double[] d = direction(x, g);
            LineSearchResult ls = search(x, d);
            if (ls.succeeded()) {
                return moveTo(ls.point(), x, g);
            }
            if (ls.status() == LineSearchStatus.UNBOUNDED) {
                LinePoint p = ls.best();
                Tensor at = bounds.project(p.x());
                run.record(at, p.value(), null);
                return run.stop(StopReason.UNBOUNDED_BELOW, "f appears unbounded below: f = " + p.value() + " at " + at);
            }
            if (run.remainingEvaluations() == 0) {
                return run.budgetExhausted();
            }
            if (memory.pairs() == 0) {
                StopReason reason = ls.status() == LineSearchStatus.NO_FINITE_STEP ? StopReason.NON_FINITE_VALUE
                        : StopReason.LINE_SEARCH_FAILED;
                return run.stop(reason, ls.message() + " (iteration " + run.iterations() + ", with an empty memory)");
            }
            memory.clear();
        }
    }

    /** {@code d = x̄ − x}: the Cauchy point, then the subspace minimization. */
    private double[] direction(double[] x, double[] g) {
        CauchyPoint cauchy = bounds.isUnbounded() && memory.pairs() > 0
                ? new CauchyPoint(x.clone(), new double[2 * memory.pairs()])
                : CauchyPoint.of(x, g, bounds, memory);
        double[] xBar = SubspaceMinimization.of(x, g, cauchy, bounds, memory);
        double[] d = new double[x.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = xBar[i] - x[i];
        }
        return d;
    }

    /** The Moré–Thuente search along d with the step capped where the box ends (SciPy's {@code lnsrlb}). */
    private LineSearchResult search(double[] x, double[] d) {
        double maxStep = firstIteration && !bounds.isUnbounded() ? 1 : Math.max(1, Math.min(feasibleStep(x, d), BIG_STEP));
        double dNorm = Math.sqrt(Dense.dot(d, d));
        double initial = firstIteration && !bounds.isBoxed() ? Math.min(1 / dNorm, maxStep) : 1;
        if (!(initial > 0) || Double.isInfinite(initial)) {
            initial = 1;
        }
        LineFunction phi = new LineFunction(inBox, current.x(), Tensor.vector(d), current.evaluation(),
                run.remainingEvaluations());
        return method.lineSearch().withMaxStep(maxStep).search(phi, Math.min(initial, maxStep));
    }

    /** The largest α with {@code l ≤ x + α·d ≤ u}, +∞ if no bound limits it. */
    private double feasibleStep(double[] x, double[] d) {
        double step = Double.POSITIVE_INFINITY;
        for (int i = 0; i < x.length; i++) {
            if (d[i] > 0 && bounds.upper(i) < Double.POSITIVE_INFINITY) {
                step = Math.min(step, (bounds.upper(i) - x[i]) / d[i]);
            } else if (d[i] < 0 && bounds.lower(i) > Double.NEGATIVE_INFINITY) {
                step = Math.min(step, (bounds.lower(i) - x[i]) / d[i]);
            }
        }
        return step;
    }

    /** Moves to the accepted point, projected onto the box, and updates the memory; null, or the stop on a non-finite f. */
    private MinimizationResult moveTo(LinePoint p, double[] x, double[] g) {
        Tensor next = bounds.project(p.x());
        Evaluation e = p.gradient() != null ? new Evaluation(p.value(), p.gradient()) : run.evaluate(next);
        if (!e.isFinite()) {
            return run.stop(StopReason.NON_FINITE_VALUE, "f or ∇f is not finite at iteration " + (run.iterations() + 1)
                    + " (f = " + e.value() + ")");
        }
        current = new Iterate(next, e);
        firstIteration = false;
        run.iterationDone();
        record(current);
        double[] s = next.toArray();
        double[] y = e.gradient().toArray();
        for (int i = 0; i < s.length; i++) {
            s[i] -= x[i];
            y[i] -= g[i];
        }
        memory.update(s, y);
        return null;
    }

    /** Adds the iterate to the trace, with the projected gradient as the gradient whose norm the result reports. */
    private void record(Iterate at) {
        Tensor pg = bounds.projectedGradient(at.x(), at.gradient());
        projectedGradientNorms.put(at.x(), pg.abs().max().item());
        run.record(at.x(), at.value(), pg);
    }

    private double projectedGradientInfNorm() {
        return projectedGradientNorms.get(current.x());
    }

    private static double norm(Tensor v) {
        return Math.sqrt(v.mul(v).sum().item());
    }

    /** The result with the active set, the projected-gradient norm, and a note if the start was projected. */
    private BoundedResult finish(MinimizationResult r) {
        Tensor start = bounds.project(x0);
        boolean projected = !Arrays.equals(start.toArray(), x0.toArray());
        if (projected) {
            r = new MinimizationResult(r.x(), r.value(), r.gradientNorm(), r.iterations(), r.evaluations(), r.reason(),
                    r.message() + "; the start " + x0 + " lay outside the bounds and was projected onto them: " + start,
                    r.trace(), r.values());
        }
        double pg = projectedGradientNorms.getOrDefault(r.x(), Double.NaN);
        return new BoundedResult(r, bounds, bounds.activeSet(r.x()), pg, projected);
    }

    /** f seen only at points of the box: every point is projected before f is evaluated. */
    private record Projected(Objective f, Bounds bounds) implements Objective {
        @Override
        public double value(Tensor x) {
            return f.value(bounds.project(x));
        }

        @Override
        public Evaluation evaluate(Tensor x) {
            return f.evaluate(bounds.project(x));
        }
    }
}
