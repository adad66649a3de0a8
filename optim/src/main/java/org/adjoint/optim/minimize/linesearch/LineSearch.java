package org.adjoint.optim.minimize.linesearch;


/**
 * Chooses a step along a descent direction. Usable on its own: give it a {@link LineFunction} and a
 * first trial step. The contract every implementation keeps:
 * <ul>
 *   <li>an initial step that is not positive and finite is refused with an
 *       {@link IllegalArgumentException} naming the search and the value;
 *   <li>a direction with {@code φ'(0) ≥ 0} (or NaN) ends the search at once with
 *       {@link LineSearchStatus#NOT_DESCENT};
 *   <li>a trial where φ or φ' is NaN or +∞ is a step too long: the search shrinks the step and retries,
 *       and ends with {@link LineSearchStatus#NO_FINITE_STEP} only when no trial within its budget was
 *       finite;
 *   <li>a trial with φ ≤ {@link LineFunction#UNBOUNDED} (−1e300, −∞ included) ends it with
 *       {@link LineSearchStatus#UNBOUNDED};
 *   <li>the result carries a {@link LineSearchStatus}, a message with the numbers, the step to take
 *       when the status accepts one (never a silent bad step), the best finite trial and the trace.
 * </ul>
 */
public interface LineSearch {

    /**
     * Searches φ starting from the trial step {@code initialStep}.
     *
     * @throws IllegalArgumentException if {@code initialStep} is not positive and finite
     */
    LineSearchResult search(LineFunction phi, double initialStep);

    /** Backtracking with the Armijo condition: c₁ = 1e-4, halving the step. */
    static LineSearch armijo() {
        return new Backtracking(1e-4, 0.5, 60);
    }

    /** Strong Wolfe conditions with c₁ = 1e-4, c₂ = 0.9 (for Newton and quasi-Newton directions). */
    static LineSearch strongWolfe() {
        return new StrongWolfe(1e-4, 0.9, 60);
    }

    /**
     * Moré and Thuente's search for the strong Wolfe conditions with c₁ = 1e-4, c₂ = 0.9 (SciPy's BFGS
     * constants): the default of BFGS, L-BFGS and, with c₂ = 0.4, nonlinear conjugate gradients.
     */
    static MoreThuente moreThuente() {
        return MoreThuente.standard();
    }
}
