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
            return run.stopAtNonFiniteStart(x0, e0);
        }
        Iterate current = new Iterate(x0, e0);
        run.record(current);
        while (true) {
            MinimizationResult stop = run.stopBeforeStep(current);
            if (stop != null) {
                return stop;
            }
            Outcome moved = step(run, directions, lineSearch, current);
            if (moved.stop() != null) {
                return moved.stop();
            }
            Iterate from = current;
            current = moved.next();
            Iterate to = current;
            stop = run.stopAfterStep(from, to, () -> Vectors.norm(to.x().sub(from.x())));
            if (stop != null) {
                return stop;
            }
        }
    }

    /** One iteration from {@code current}: a direction, a line search along it, and the move. */
    private static Outcome step(Run run, Directions directions, LineSearch lineSearch, Iterate current) {
        Tensor d;
        try {
            d = directions.direction(current);
        } catch (HessianException e) {
            return Outcome.stopped(run.stop(StopReason.SINGULAR_HESSIAN, e.getMessage() + " at iteration " + run.iterations()));
        }
        if (!d.isFinite()) {
            return Outcome.stopped(run.stop(StopReason.NON_FINITE_VALUE, "the search direction is not finite at iteration "
                    + run.iterations()));
        }
        LineSearchResult ls = lineSearch.search(new LineFunction(run.objective(), current.x(), d, current.evaluation()),
                directions.initialStep(current, d));
        if (!ls.succeeded()) {
            return Outcome.stopped(run.stop(StopReason.LINE_SEARCH_FAILED, ls.failure() + " (iteration " + run.iterations() + ")"));
        }
        LinePoint p = ls.point();
        Evaluation e = p.gradient() != null ? new Evaluation(p.value(), p.gradient()) : run.evaluate(p.x());
        if (!e.isFinite()) {
            run.record(p.x(), e.value(), null);
            return Outcome.stopped(run.stop(StopReason.NON_FINITE_VALUE, "f or ∇f is not finite at iteration "
                    + (run.iterations() + 1) + " (f = " + e.value() + ")"));
        }
        Iterate next = new Iterate(p.x(), e);
        run.iterationDone();
        run.record(next);
        directions.stepped(current, next);
        return Outcome.movedTo(next);
    }

    /** Where an iteration ended: at the next iterate, or with the run stopped. */
    private record Outcome(Iterate next, MinimizationResult stop) {
        static Outcome movedTo(Iterate next) {
            return new Outcome(next, null);
        }

        static Outcome stopped(MinimizationResult stop) {
            return new Outcome(null, stop);
        }
    }
}
