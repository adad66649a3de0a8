package org.adjoint.optim.minimize;

/** Why a minimization stopped. */
public enum StopReason {
    /**
     * The gradient norm fell below its tolerance (for trust-region Newton, also in the local metric of
     * the Hessian's inverse: the next step's predicted decrease was at most ½·tolerance²).
     */
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
    TRUST_REGION_COLLAPSED(false),
    /**
     * Neither x nor f changed beyond rounding for {@value #STALLED_ITERATIONS}
     * consecutive iterations: {@code |fₖ₊₁ − fₖ| ≤ 4ε·max(|fₖ₊₁|, 1)} and
     * {@code ‖xₖ₊₁ − xₖ‖₂ ≤ 4ε·(1 + ‖xₖ₊₁‖₂)}, ε the machine epsilon 2⁻⁵². Catches runs whose tolerances
     * (0, or below what rounding resolves) can never be met; the message starts "no progress: ".
     */
    NO_PROGRESS(false),
    /**
     * f decreased without bound: a trial or an iterate reached f ≤ −1e300 (−∞ included). The message
     * starts "f appears unbounded below: " and names f and the point; the result's x is that point.
     */
    UNBOUNDED_BELOW(false);

    /** The number of consecutive iterations without progress after which a run stops with {@link #NO_PROGRESS}. */
    public static final int STALLED_ITERATIONS = 5;

    private final boolean converged;

    StopReason(boolean converged) {
        this.converged = converged;
    }

    /** Whether this reason means a tolerance was met, rather than a budget exhausted or a failure. */
    public boolean converged() {
        return converged;
    }
}
