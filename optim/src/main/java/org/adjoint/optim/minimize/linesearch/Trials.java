package org.adjoint.optim.minimize.linesearch;

import java.util.ArrayList;
import java.util.List;

/**
 * The bookkeeping of one search: it evaluates φ through the {@link LineFunction}, counts the trials
 * against the budget, keeps their trace and the best finite one, and builds the result.
 */
final class Trials {

    private final String search;
    private final LineFunction phi;
    private final int budget;
    private final List<LineSearchResult.Trial> trace = new ArrayList<>();
    private LinePoint best;
    private int nonFinite;

    private final boolean capped;

    /** The trials of one search with its own budget, capped at the line's {@link LineFunction#evaluationLimit()}. */
    Trials(String search, LineFunction phi, int budget) {
        this.search = search;
        this.phi = phi;
        this.budget = Math.min(budget, phi.evaluationLimit());
        this.capped = phi.evaluationLimit() < budget;
    }

    /** Whether the budget allows another trial. */
    boolean left() {
        return trace.size() < budget;
    }

    /** The trials the budget still allows. */
    int remaining() {
        return budget - trace.size();
    }

    /** φ(α), value only. */
    LinePoint value(double alpha) {
        requireLeft();
        return record(phi.value(alpha));
    }

    /** φ(α) and φ'(α). */
    LinePoint evaluate(double alpha) {
        requireLeft();
        return record(phi.evaluate(alpha));
    }

    /** The searches check {@link #left()} before each trial; a trial beyond the budget is a bug in one. */
    private void requireLeft() {
        if (!left()) {
            throw new IllegalStateException(search + ": a trial beyond the budget of " + budget + " evaluations");
        }
    }

    /** A trial of the caller's own (for a search that evaluates in a callback). */
    LinePoint record(LinePoint p) {
        if (!left()) {
            throw new IllegalStateException(search + ": a trial beyond the budget of " + budget + " evaluations");
        }
        trace.add(new LineSearchResult.Trial(p.alpha(), p.value(), p.slope()));
        if (!p.isFinite()) {
            nonFinite++;
        } else if (best == null || p.value() < best.value()) {
            best = p;
        }
        return p;
    }

    /** The trial with the lowest finite φ, or null. */
    LinePoint best() {
        return best;
    }

    /** The trials made so far. */
    int spent() {
        return trace.size();
    }

    /** The search's conditions hold at {@code p}. */
    LineSearchResult accepted(LinePoint p) {
        return result(LineSearchStatus.ACCEPTED, p, search + ": accepted α = " + p.alpha());
    }

    /** {@code p} is taken with a status that says why it is not fully {@code ACCEPTED}. */
    LineSearchResult fallback(LineSearchStatus status, LinePoint p, String why) {
        return result(status, p, search + ": " + why);
    }

    /** A trial reached φ ≤ −1e300: f appears unbounded below. */
    LineSearchResult unbounded(LinePoint p) {
        return new LineSearchResult(LineSearchStatus.UNBOUNDED, search + ": f appears unbounded below: φ(α) = " + p.value()
                + " at α = " + p.alpha(), null, p, trace);
    }

    /**
     * No step: {@code status} with {@code why}, unless no trial was finite, which is
     * {@link LineSearchStatus#NO_FINITE_STEP} whatever the caller's status.
     */
    LineSearchResult failed(LineSearchStatus status, String why) {
        if (best == null && nonFinite > 0) {
            return new LineSearchResult(LineSearchStatus.NO_FINITE_STEP, search + ": no finite step: φ or φ' was NaN or"
                    + " +∞ at all " + nonFinite + " trials, the last at α = " + trace.get(trace.size() - 1).alpha(),
                    null, null, trace);
        }
        String finite = nonFinite == 0 ? "" : "; " + nonFinite + " of " + trace.size() + " trials were not finite";
        String cap = capped && !left() ? "; the minimizer's evaluation budget left it " + budget + " trials" : "";
        return new LineSearchResult(status, search + ": " + why + finite + cap, null, best, trace);
    }

    /**
     * The end of a Wolfe search without a point meeting both conditions: the best point tried if it
     * meets sufficient decrease with constant {@code c1} and lowers f
     * ({@link LineSearchStatus#SUFFICIENT_DECREASE_ONLY}), else a failure with {@code status}.
     */
    LineSearchResult bestWithSufficientDecrease(double c1, LineSearchStatus status, String why) {
        if (best != null && best.alpha() > 0 && best.value() < phi.value0()
                && best.value() <= phi.value0() + c1 * best.alpha() * phi.slope0()) {
            return fallback(LineSearchStatus.SUFFICIENT_DECREASE_ONLY, best, why + "; taking the best point, α = "
                    + best.alpha() + ", which meets sufficient decrease only");
        }
        return failed(status, why);
    }

    private LineSearchResult result(LineSearchStatus status, LinePoint p, String message) {
        return new LineSearchResult(status, message, p, best, trace);
    }
}
