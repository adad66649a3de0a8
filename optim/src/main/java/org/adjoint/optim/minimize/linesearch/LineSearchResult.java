package org.adjoint.optim.minimize.linesearch;

import java.util.List;
import java.util.Objects;

/**
 * What a line search found: how it ended, in a {@link LineSearchStatus} and in words, the step to
 * take when the status {@linkplain LineSearchStatus#accepted() accepts} one, the best finite point it
 * tried (lowest φ) in any case, and the trace of its trials.
 *
 * @param status      how the search ended
 * @param message     the outcome in words, naming the search and the values involved
 * @param point       the step to take, or null when the status accepts none
 * @param best        the trial with the lowest finite φ (for {@link LineSearchStatus#UNBOUNDED}, the
 *                    trial that reached it), or null if no trial had one
 * @param trials      every trial, in order
 */
public record LineSearchResult(LineSearchStatus status, String message, LinePoint point, LinePoint best,
                               List<Trial> trials) {

    /**
     * One trial of a search.
     *
     * @param alpha the step α
     * @param value φ(α)
     * @param slope φ'(α), or NaN when only the value was evaluated
     */
    public record Trial(double alpha, double value, double slope) {
    }

    /** Checks that a step is given exactly when the status accepts one, and copies the trace. */
    public LineSearchResult {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(trials, "trials");
        if (status.accepted() != (point != null)) {
            throw new IllegalArgumentException("LineSearchResult: status " + status + " with point " + point);
        }
        trials = List.copyOf(trials);
    }

    /** Whether a step was accepted. */
    public boolean succeeded() {
        return point != null;
    }

    /** The number of trial evaluations made. */
    public int evaluations() {
        return trials.size();
    }

    /** A reason shared by every search: the direction does not descend. */
    static LineSearchResult notDescent(String search, LineFunction phi) {
        return new LineSearchResult(LineSearchStatus.NOT_DESCENT, search + ": not a descent direction: φ'(0) = ∇f·d = "
                + phi.slope0() + " is not negative", null, null, List.of());
    }

    /**
     * The initial step, checked: every search refuses a step that is not positive and finite.
     *
     * @throws IllegalArgumentException naming the search and the step
     */
    static double checkInitialStep(String search, double initialStep) {
        if (!(initialStep > 0) || Double.isInfinite(initialStep)) {
            throw new IllegalArgumentException(search + ": the initial step must be positive and finite, got "
                    + initialStep);
        }
        return initialStep;
    }
}
