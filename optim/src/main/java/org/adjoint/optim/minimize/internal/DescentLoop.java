package org.adjoint.optim.minimize.internal;

import org.adjoint.core.Tensor;
import org.adjoint.optim.minimize.Evaluation;
import org.adjoint.optim.minimize.MinimizationResult;
import org.adjoint.optim.minimize.StopReason;
import org.adjoint.optim.minimize.linesearch.LineFunction;
import org.adjoint.optim.minimize.linesearch.LinePoint;
import org.adjoint.optim.minimize.linesearch.LineSearch;
import org.adjoint.optim.minimize.linesearch.LineSearchResult;
import org.adjoint.optim.minimize.linesearch.LineSearchStatus;

/**
 * The loop every line-search method shares: at each iterate, test the stopping criteria, ask the
 * {@link Directions} for a direction, search along it, and move. When the search gives no step and the
 * method has memory to forget ({@link Directions#reset()}: BFGS, L-BFGS, conjugate gradients), the
 * memory is reset and the search retried once along −∇f with a freshly scaled first step, as SciPy's
 * BFGS does; only then does the run stop. The search's status decides the stop:
 * {@link LineSearchStatus#UNBOUNDED} gives {@link StopReason#UNBOUNDED_BELOW} (with that trial recorded
 * as the last point), {@link LineSearchStatus#NO_FINITE_STEP} {@link StopReason#NON_FINITE_VALUE}, any
 * other failure {@link StopReason#LINE_SEARCH_FAILED}, each with the search's message. Failures keep
 * the best point so far. A search may evaluate at most what is left of the run's evaluation budget
 * ({@link LineFunction#evaluationLimit()}), so a run never evaluates more than
 * {@code Stopping.maxEvaluations()}: a search cut short by it, or a step found with the last
 * evaluation (its gradient then unknown, the point recorded with its value), ends the run with
 * {@link StopReason#MAX_EVALUATIONS}.
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

    /** One iteration from {@code current}: a direction, a line search along it (retried once after a reset), and the move. */
    private static Outcome step(Run run, Directions directions, LineSearch lineSearch, Iterate current) {
        Outcome searched = search(run, directions, lineSearch, current);
        boolean retried = false;
        if (searched.failed() && run.remainingEvaluations() == 0) {
            return Outcome.stopped(run.budgetExhausted());
        }
        if (searched.failed() && searched.search().status() != LineSearchStatus.UNBOUNDED && directions.reset()) {
            searched = search(run, directions, lineSearch, current);
            retried = true;
        }
        if (searched.stop() != null) {
            return searched;
        }
        LineSearchResult ls = searched.search();
        if (!ls.succeeded()) {
            return Outcome.stopped(stopOnFailure(run, ls, retried));
        }
        LinePoint p = ls.point();
        if (p.gradient() == null && run.remainingEvaluations() == 0) {
            run.iterationDone();
            run.record(p.x(), p.value(), null);
            return Outcome.stopped(run.budgetExhausted());
        }
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

    /** A direction at {@code current} and the line search along it, or the run stopped by an unusable direction. */
    private static Outcome search(Run run, Directions directions, LineSearch lineSearch, Iterate current) {
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
        LineFunction phi = new LineFunction(run.objective(), current.x(), d, current.evaluation(), run.remainingEvaluations());
        return Outcome.searched(lineSearch.search(phi, directions.initialStep(current, d)));
    }

    /** The stop after a search that gave no step, by its status. */
    private static MinimizationResult stopOnFailure(Run run, LineSearchResult ls, boolean retried) {
        String where = " (iteration " + run.iterations() + (retried ? ", also after resetting the method's memory" : "") + ")";
        return switch (ls.status()) {
            case UNBOUNDED -> {
                LinePoint p = ls.best();
                run.record(p.x(), p.value(), null);
                yield run.stop(StopReason.UNBOUNDED_BELOW, "f appears unbounded below: f = " + p.value() + " at " + p.x()
                        + where);
            }
            case NO_FINITE_STEP -> run.stop(StopReason.NON_FINITE_VALUE, ls.message() + where);
            default -> run.stop(StopReason.LINE_SEARCH_FAILED, ls.message() + where);
        };
    }

    /** Where an iteration (or one search of it) ended: a search's result, the next iterate, or the run stopped. */
    private record Outcome(LineSearchResult search, Iterate next, MinimizationResult stop) {
        static Outcome searched(LineSearchResult search) {
            return new Outcome(search, null, null);
        }

        static Outcome movedTo(Iterate next) {
            return new Outcome(null, next, null);
        }

        static Outcome stopped(MinimizationResult stop) {
            return new Outcome(null, null, stop);
        }

        boolean failed() {
            return stop == null && search != null && !search.succeeded();
        }
    }
}
