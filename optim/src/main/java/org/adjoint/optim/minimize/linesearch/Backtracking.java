package org.adjoint.optim.minimize.linesearch;

import java.util.Objects;

/**
 * Backtracking until the Armijo (sufficient decrease) condition holds,
 * {@code φ(α) ≤ φ(0) + c₁·α·φ'(0)}: try the initial step, then multiply it by the shrink factor
 * (Nocedal and Wright, Algorithm 3.1). The first trial is evaluated with its gradient
 * ({@link LineFunction#evaluate}), the later ones for their value only: with Newton-type directions
 * and a remembered step the first trial is usually accepted, and the loop then takes f and ∇f from it
 * instead of evaluating the accepted point a second time, so an iteration costs one evaluation as in
 * SciPy's Newton-CG (whose Wolfe search evaluates f and ∇f together); a rejected first trial wastes
 * one gradient. Once a trial evaluated with its gradient has a finite φ but a NaN or infinite gradient,
 * every later trial is evaluated with its gradient, so that a step is never accepted where only the
 * gradient is not finite (Stan issue #3306; the value alone cannot tell). A trial where φ is NaN or +∞ (outside
 * f's domain, or an overflow) is a step too long and is backtracked from like any other; a trial with
 * φ ≤ −1e300 ends the search with {@link LineSearchStatus#UNBOUNDED}.
 *
 * @param c1             the sufficient-decrease constant, in (0, 1); 1e-4 by default
 * @param shrink         the factor applied after a rejected trial, in (0, 1); 0.5 by default
 * @param maxEvaluations the trial budget
 */
public record Backtracking(double c1, double shrink, int maxEvaluations) implements LineSearch {

    private static final String NAME = "Armijo backtracking";

    /** Validates the constants. */
    public Backtracking {
        if (!(c1 > 0 && c1 < 1) || !(shrink > 0 && shrink < 1) || maxEvaluations < 1) {
            throw new IllegalArgumentException("Backtracking: need 0 < c1 < 1, 0 < shrink < 1 and a positive budget, got c1 = "
                    + c1 + ", shrink = " + shrink + ", budget = " + maxEvaluations);
        }
    }

    @Override
    public LineSearchResult search(LineFunction phi, double initialStep) {
        Objects.requireNonNull(phi, "phi");
        double alpha = LineSearchResult.checkInitialStep(NAME, initialStep);
        if (!(phi.slope0() < 0)) {
            return LineSearchResult.notDescent(NAME, phi);
        }
        Trials trials = new Trials(NAME, phi, maxEvaluations);
        boolean gradientFailed = false;
        while (trials.left()) {
            LinePoint p = trials.spent() == 0 || gradientFailed ? trials.evaluate(alpha) : trials.value(alpha);
            if (p.isUnbounded()) {
                return trials.unbounded(p);
            }
            gradientFailed |= p.gradient() != null && Double.isFinite(p.value()) && !p.isFinite();
            if (p.isFinite() && p.value() <= phi.value0() + c1 * alpha * phi.slope0()) {
                return trials.accepted(p);
            }
            alpha *= shrink;
        }
        return trials.failed(LineSearchStatus.BUDGET_EXHAUSTED, "no sufficient decrease within " + maxEvaluations
                + " trials (last α = " + alpha / shrink + ")");
    }
}
