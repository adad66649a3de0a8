package org.adjoint.optim.minimize.internal;

import org.adjoint.core.Tensor;
import org.adjoint.optim.minimize.Evaluation;
import org.adjoint.optim.minimize.MinimizationResult;
import org.adjoint.optim.minimize.StopReason;
import org.adjoint.optim.minimize.linesearch.LineFunction;
import org.adjoint.optim.minimize.linesearch.LinePoint;
import org.adjoint.optim.minimize.linesearch.LineSearch;
import org.adjoint.optim.minimize.linesearch.LineSearchResult;

/**
 * The loop every line-search method shares: at each iterate, test the stopping criteria, ask the
 * {@link Directions} for a direction, search along it, and move. Failures stop the run with a reason
 * and the best point so far.
 */
public final class DescentLoop {

    private DescentLoop() {
    }

    /** Runs the loop from {@code x0}, with {@code directions} fresh for this run. */
    public static MinimizationResult run(Run run, Directions directions, LineSearch lineSearch, Tensor x0) {
        Evaluation e0 = run.evaluate(x0);
        if (!e0.isFinite()) {
            run.record(x0, e0.value(), null);
            return run.stop(StopReason.NON_FINITE_VALUE, "f or ∇f is not finite at the starting point (f = " + e0.value() + ")");
        }
        Iterate current = new Iterate(x0, e0);
        run.record(current);
        while (true) {
            if (current.gradientNorm() <= run.stopping().gradientTolerance()) {
                return run.stop(StopReason.GRADIENT_TOLERANCE, "‖∇f‖ = " + current.gradientNorm() + " ≤ "
                        + run.stopping().gradientTolerance());
            }
            MinimizationResult exhausted = run.budgetExhausted();
            if (exhausted != null) {
                return exhausted;
            }
            Tensor d;
            try {
                d = directions.direction(current);
            } catch (HessianException e) {
                return run.stop(StopReason.SINGULAR_HESSIAN, e.getMessage() + " at iteration " + run.iterations());
            }
            if (!d.isFinite()) {
                return run.stop(StopReason.NON_FINITE_VALUE, "the search direction is not finite at iteration " + run.iterations());
            }
            LineSearchResult ls = lineSearch.search(new LineFunction(run.objective(), current.x(), d, current.evaluation()),
                    directions.initialStep(current, d));
            if (!ls.succeeded()) {
                return run.stop(StopReason.LINE_SEARCH_FAILED, ls.failure() + " (iteration " + run.iterations() + ")");
            }
            LinePoint p = ls.point();
            Evaluation e = p.gradient() != null ? new Evaluation(p.value(), p.gradient()) : run.evaluate(p.x());
            if (!e.isFinite()) {
                run.record(p.x(), e.value(), null);
                return run.stop(StopReason.NON_FINITE_VALUE, "f or ∇f is not finite at iteration " + (run.iterations() + 1)
                        + " (f = " + e.value() + ")");
            }
            Iterate next = new Iterate(p.x(), e);
            run.iterationDone();
            run.record(next);
            directions.stepped(current, next);
            if (run.smallChange(current.value(), next.value())) {
                return run.stop(StopReason.FUNCTION_TOLERANCE, "f changed from " + current.value() + " to " + next.value());
            }
            if (run.smallStep(current.x(), next.x())) {
                return run.stop(StopReason.STEP_TOLERANCE, "the step was " + Vectors.norm(next.x().sub(current.x())));
            }
            current = next;
        }
    }
}
