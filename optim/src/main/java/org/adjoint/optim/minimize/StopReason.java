package org.adjoint.optim.minimize;

/** Why a minimization stopped. */
public enum StopReason {
    /** The gradient norm fell below its tolerance. */
    GRADIENT_TOLERANCE(true),
    /** The relative change of f fell below its tolerance. */
    FUNCTION_TOLERANCE(true),
    /** The step fell below its tolerance. */
    STEP_TOLERANCE(true),
    /** The iteration budget ran out. */
    MAX_ITERATIONS(false),
    /** The evaluation budget ran out. */
    MAX_EVALUATIONS(false),
    /** The line search found no acceptable step; the message says why. */
    LINE_SEARCH_FAILED(false),
    /** The objective returned NaN or an infinity. */
    NON_FINITE_VALUE(false),
    /** The Hessian could not be used (singular, or not positive definite where that is required). */
    SINGULAR_HESSIAN(false),
    /** The trust region shrank below the resolution of the iterate. */
    TRUST_REGION_COLLAPSED(false);

    private final boolean converged;

    StopReason(boolean converged) {
        this.converged = converged;
    }

    /** Whether this reason means a tolerance was met, rather than a budget exhausted or a failure. */
    public boolean converged() {
        return converged;
    }
}
