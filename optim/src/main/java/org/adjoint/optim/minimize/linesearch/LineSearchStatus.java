package org.adjoint.optim.minimize.linesearch;

/**
 * How a line search ended. Three outcomes give a step ({@link #accepted()}): the search's conditions
 * met, or one of two documented fallbacks that still lower f; the others give none, and the
 * {@link LineSearchResult} carries the best finite point tried and the trace for diagnosis.
 */
public enum LineSearchStatus {
    /** The step meets every condition the search promises (Armijo, strong Wolfe, a minimum of φ, …). */
    ACCEPTED(true),
    /**
     * Strong Wolfe and Hager–Zhang: the curvature condition could not be met (the bracket shrank to rounding, or
     * the budget ran out), but the best point tried meets sufficient decrease,
     * {@code φ(α) ≤ φ(0) + c₁·α·φ'(0)} with {@code φ(α) < φ(0)}; it is returned.
     */
    SUFFICIENT_DECREASE_ONLY(true),
    /**
     * φ was still decreasing at the largest step the search may take (strong Wolfe, Hager–Zhang: α = 1e10; exact
     * search: its bracketing budget); the step taken is that largest step. Repeated, it suggests f is
     * unbounded below along the direction.
     */
    STEP_BOUND_REACHED(true),
    /** {@code φ'(0) = ∇f·d} is not negative (or is NaN): d is not a descent direction, no trial was made. */
    NOT_DESCENT(false),
    /** Every trial within the budget had φ or φ' NaN or +∞: no finite step was found. */
    NO_FINITE_STEP(false),
    /** The strong Wolfe bracket shrank to rounding and no point in it meets sufficient decrease. */
    BRACKET_COLLAPSED(false),
    /** The evaluation budget ran out before a trial met the search's conditions. */
    BUDGET_EXHAUSTED(false),
    /**
     * Grid search: no step of the list lowers f; Hager–Zhang: φ' is still negative at its largest step,
     * α = 1e10, where φ is not below φ(0) (flat to rounding), and no trial meets sufficient decrease.
     */
    NO_DECREASE(false),
    /**
     * A trial reached φ ≤ {@link LineFunction#UNBOUNDED} (−1e300, −∞ included): f appears unbounded
     * below along d. The result's best point is that trial.
     */
    UNBOUNDED(false);

    private final boolean accepted;

    LineSearchStatus(boolean accepted) {
        this.accepted = accepted;
    }

    /** Whether the search returns a step to take. */
    public boolean accepted() {
        return accepted;
    }
}
