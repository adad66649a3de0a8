package org.adjoint.optim.minimize.linesearch;


/**
 * Chooses a step along a descent direction. Usable on its own: give it a {@link LineFunction} and a
 * first trial step. It returns the accepted point, or a failure that says why (a direction that does
 * not descend, a NaN, or conditions not met within the evaluation budget), never a silent bad step.
 */
public interface LineSearch {

    /** Searches φ starting from the trial step {@code initialStep}. */
    LineSearchResult search(LineFunction phi, double initialStep);

    /** Backtracking with the Armijo condition: c₁ = 1e-4, halving the step. */
    static LineSearch armijo() {
        return new Backtracking(1e-4, 0.5, 60);
    }

    /** Strong Wolfe conditions with c₁ = 1e-4, c₂ = 0.9 (for Newton and quasi-Newton directions). */
    static LineSearch strongWolfe() {
        return new StrongWolfe(1e-4, 0.9, 60);
    }
}
