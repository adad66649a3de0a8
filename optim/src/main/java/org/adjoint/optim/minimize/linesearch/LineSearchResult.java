package org.adjoint.optim.minimize.linesearch;

/**
 * What a line search found: the accepted point, or the reason it failed.
 *
 * @param point       the accepted point, or null on failure
 * @param failure     why the search failed, or null on success
 * @param evaluations the number of trial evaluations it made
 */
public record LineSearchResult(LinePoint point, String failure, int evaluations) {

    /** A successful search. */
    static LineSearchResult accepted(LinePoint point, int evaluations) {
        return new LineSearchResult(point, null, evaluations);
    }

    /** A failed search. */
    static LineSearchResult failed(String failure, int evaluations) {
        return new LineSearchResult(null, failure, evaluations);
    }

    /** Whether a step was accepted. */
    public boolean succeeded() {
        return point != null;
    }

    /** A reason shared by every search: the direction does not descend. */
    static LineSearchResult notDescent(String search, LineFunction phi) {
        return failed(search + ": not a descent direction: φ'(0) = ∇f·d = " + phi.slope0() + " is not negative", 0);
    }
}
