package org.adjoint.optim.minimize.leastsquares;

/**
 * Why a least-squares solve stopped, with MINPACK's {@code lmder} tests (its {@code info} codes 1–8 in
 * parentheses). The tolerances are those of {@link LevenbergMarquardt}.
 */
public enum LeastSquaresStatus {
    /** (1) Both the actual and the predicted relative reduction of the cost are at most ftol. */
    FUNCTION_TOLERANCE(true, "the actual and predicted relative reductions of the cost are at most ftol"),
    /** (2) The trust radius Δ is at most {@code xtol·‖D·θ‖}: the scaled step's relative size is below xtol. */
    STEP_TOLERANCE(true, "the trust radius is at most xtol relative to the scaled parameters"),
    /** (3) Both {@link #FUNCTION_TOLERANCE} and {@link #STEP_TOLERANCE} hold. */
    FUNCTION_AND_STEP_TOLERANCE(true, "both the function and the step tolerances hold"),
    /**
     * (4) The cosine of the angle between the residual vector and every column of the Jacobian is at
     * most gtol: θ is stationary. Also the status of an exact fit, r = 0.
     */
    GRADIENT_TOLERANCE(true, "the residuals are orthogonal to the Jacobian's columns within gtol"),
    /**
     * (6, 7, 8) A tolerance lies below what double precision resolves here: the reductions, the trust
     * radius or the gradient cosine reached machine epsilon first. θ cannot be improved in floating
     * point, so this counts as converged, as in SciPy, which reports MINPACK's codes 6–8 as success.
     */
    ROUNDING_LIMIT(true, "no further improvement is possible in double precision (a tolerance is below machine epsilon)"),
    /** (5) The residual-evaluation budget ran out; θ is the best point found. */
    MAX_EVALUATIONS(false, "the residual-evaluation budget ran out"),
    /** The Jacobian held NaN or an infinity at an accepted point; θ is that point, the best found. */
    NON_FINITE_JACOBIAN(false, "the Jacobian is not finite at the current parameters");

    private final boolean converged;
    private final String description;

    LeastSquaresStatus(boolean converged, String description) {
        this.converged = converged;
        this.description = description;
    }

    /** Whether a convergence test held, rather than a budget ran out or a failure. */
    public boolean converged() {
        return converged;
    }

    /** The status in words. */
    public String description() {
        return description;
    }
}
