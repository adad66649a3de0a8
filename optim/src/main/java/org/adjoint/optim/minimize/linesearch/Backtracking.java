package org.adjoint.optim.minimize.linesearch;

/**
 * Backtracking until the Armijo (sufficient decrease) condition holds,
 * {@code φ(α) ≤ φ(0) + c₁·α·φ'(0)}: try the initial step, then multiply it by the shrink factor. Only
 * values are evaluated. +∞ counts as "too far" and is backtracked from; NaN stops the search.
 *
 * @param c1             the sufficient-decrease constant, in (0, 1); 1e-4 by default
 * @param shrink         the factor applied after a rejected trial, in (0, 1); 0.5 by default
 * @param maxEvaluations the trial budget
 */
public record Backtracking(double c1, double shrink, int maxEvaluations) implements LineSearch {

    /** Validates the constants. */
    public Backtracking {
        if (!(c1 > 0 && c1 < 1) || !(shrink > 0 && shrink < 1) || maxEvaluations < 1) {
            throw new IllegalArgumentException("Backtracking: need 0 < c1 < 1, 0 < shrink < 1 and a positive budget, got c1 = "
                    + c1 + ", shrink = " + shrink + ", budget = " + maxEvaluations);
        }
    }

    @Override
    public LineSearchResult search(LineFunction phi, double initialStep) {
        if (!(phi.slope0() < 0)) {
            return LineSearchResult.notDescent("Armijo backtracking", phi);
        }
        double alpha = initialStep;
        for (int trial = 1; trial <= maxEvaluations; trial++) {
            LinePoint p = phi.value(alpha);
            if (Double.isNaN(p.value())) {
                return LineSearchResult.failed("Armijo backtracking: φ(α) is NaN at α = " + alpha, trial);
            }
            if (p.value() <= phi.value0() + c1 * alpha * phi.slope0()) {
                return LineSearchResult.accepted(p, trial);
            }
            alpha *= shrink;
        }
        return LineSearchResult.failed("Armijo backtracking: no sufficient decrease within " + maxEvaluations
                + " trials (last α = " + alpha / shrink + ")", maxEvaluations);
    }
}
