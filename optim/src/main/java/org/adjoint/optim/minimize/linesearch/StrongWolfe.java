package org.adjoint.optim.minimize.linesearch;

import java.util.Objects;


/**
 * A step satisfying the strong Wolfe conditions,
 * <pre>
 *   φ(α) ≤ φ(0) + c₁·α·φ'(0)      (sufficient decrease)
 *   |φ'(α)| ≤ c₂·|φ'(0)|          (curvature)
 * </pre>
 * found by bracketing and zooming with safeguarded cubic interpolation (Nocedal and Wright, Numerical
 * Optimization, 2nd ed., Algorithms 3.5 and 3.6). Use c₂ = 0.9 for Newton and quasi-Newton directions
 * and c₂ = 0.1 for nonlinear conjugate gradients.
 *
 * <p>Where the algorithm cannot finish, the outcome is typed ({@link LineSearchStatus}):
 * <ul>
 *   <li>a trial where φ or φ' is NaN or +∞ is a step too long: it becomes the upper end of the bracket,
 *       and the next trial is a tenth of the way to it from the lower end;
 *   <li>φ still decreasing (with sufficient decrease) at α = 1e10 ends with that step,
 *       {@link LineSearchStatus#STEP_BOUND_REACHED};
 *   <li>when the bracket shrinks to rounding ({@code |hi − lo| ≤ 1e-14·max(lo, hi)}) or the budget runs out, the best
 *       point tried is taken if it meets sufficient decrease and lowers f
 *       ({@link LineSearchStatus#SUFFICIENT_DECREASE_ONLY}); otherwise the search fails with
 *       {@link LineSearchStatus#BRACKET_COLLAPSED} or {@link LineSearchStatus#BUDGET_EXHAUSTED}
 *       ({@link LineSearchStatus#NO_FINITE_STEP} if no trial was finite);
 *   <li>φ ≤ −1e300 ends it with {@link LineSearchStatus#UNBOUNDED}.
 * </ul>
 *
 * @param c1             sufficient-decrease constant, in (0, c₂)
 * @param c2             curvature constant, in (c₁, 1)
 * @param maxEvaluations the trial budget (each trial evaluates the value and the gradient)
 */
public record StrongWolfe(double c1, double c2, int maxEvaluations) implements LineSearch {

    private static final String NAME = "strong Wolfe";
    private static final double MAX_STEP = 1e10;

    /** Validates the constants. */
    public StrongWolfe {
        if (!(c1 > 0 && c1 < c2 && c2 < 1) || maxEvaluations < 2) {
            throw new IllegalArgumentException("StrongWolfe: need 0 < c1 < c2 < 1 and a budget of at least 2, got c1 = "
                    + c1 + ", c2 = " + c2 + ", budget = " + maxEvaluations);
        }
    }

    /** The conditions with c₁ = 1e-4 and the given c₂. */
    public static StrongWolfe withCurvature(double c2) {
        return new StrongWolfe(1e-4, c2, 60);
    }

    @Override
    public LineSearchResult search(LineFunction phi, double initialStep) {
        Objects.requireNonNull(phi, "phi");
        double alpha = Math.min(LineSearchResult.checkInitialStep(NAME, initialStep), MAX_STEP);
        if (!(phi.slope0() < 0)) {
            return LineSearchResult.notDescent(NAME, phi);
        }
        Trials trials = new Trials(NAME, phi, maxEvaluations);
        LinePoint previous = new LinePoint(0, phi.point(0), phi.value0(), null, phi.slope0());
        while (trials.left()) {
            LinePoint p = trials.evaluate(alpha);
            if (p.isUnbounded()) {
                return trials.unbounded(p);
            }
            if (!p.isFinite() || !sufficientDecrease(phi, p) || (previous.alpha() > 0 && p.value() >= previous.value())) {
                return zoom(phi, previous, p, trials);
            }
            if (curvature(phi, p)) {
                return trials.accepted(p);
            }
            if (p.slope() >= 0) {
                return zoom(phi, p, previous, trials);
            }
            if (alpha >= MAX_STEP) {
                return trials.fallback(LineSearchStatus.STEP_BOUND_REACHED, p, "φ still decreases at the largest step α = "
                        + MAX_STEP + " (φ = " + p.value() + ", φ' = " + p.slope() + "); taking it");
            }
            previous = p;
            alpha = Math.min(2 * alpha, MAX_STEP);
        }
        return trials.bestWithSufficientDecrease(c1, LineSearchStatus.BUDGET_EXHAUSTED, "no step meets both conditions within "
                + maxEvaluations + " evaluations");
    }

    /**
     * Algorithm 3.6: shrink the bracket [lo, hi] (lo the better end) until a point satisfies both
     * conditions. A non-finite hi is approached from lo by tenths, since no interpolation can use it.
     */
    private LineSearchResult zoom(LineFunction phi, LinePoint lo, LinePoint hi, Trials trials) {
        while (trials.left()) {
            if (Math.abs(hi.alpha() - lo.alpha()) <= 1e-14 * Math.max(lo.alpha(), hi.alpha())) {
                return trials.bestWithSufficientDecrease(c1, LineSearchStatus.BRACKET_COLLAPSED, "the bracket ["
                        + Math.min(lo.alpha(), hi.alpha()) + ", " + Math.max(lo.alpha(), hi.alpha())
                        + "] shrank to rounding without meeting the curvature condition");
            }
            double alpha = hi.isFinite() ? interpolate(lo, hi) : lo.alpha() + 0.1 * (hi.alpha() - lo.alpha());
            LinePoint p = trials.evaluate(alpha);
            if (p.isUnbounded()) {
                return trials.unbounded(p);
            }
            // both conditions met: accept even if φ ties φ(lo) in rounding, which Algorithm 3.6 would make hi
            if (p.isFinite() && sufficientDecrease(phi, p) && curvature(phi, p)) {
                return trials.accepted(p);
            }
            if (!p.isFinite() || !sufficientDecrease(phi, p) || p.value() >= lo.value()) {
                hi = p;
            } else {
                if (p.slope() * (hi.alpha() - lo.alpha()) >= 0) {
                    hi = lo;
                }
                lo = p;
            }
        }
        return trials.bestWithSufficientDecrease(c1, LineSearchStatus.BUDGET_EXHAUSTED, "no step meets both conditions within "
                + maxEvaluations + " evaluations");
    }

    private boolean sufficientDecrease(LineFunction phi, LinePoint p) {
        return p.value() <= phi.value0() + c1 * p.alpha() * phi.slope0();
    }

    private boolean curvature(LineFunction phi, LinePoint p) {
        return Math.abs(p.slope()) <= -c2 * phi.slope0();
    }

    /**
     * The minimizer of the cubic through both ends' values and slopes (N&W eq. 3.59), kept at least a
     * tenth of the bracket away from either end; bisection where the cubic has no minimizer there.
     */
    static double interpolate(LinePoint a, LinePoint b) {
        double d1 = a.slope() + b.slope() - 3 * (a.value() - b.value()) / (a.alpha() - b.alpha());
        double radicand = d1 * d1 - a.slope() * b.slope();
        double lower = Math.min(a.alpha(), b.alpha());
        double upper = Math.max(a.alpha(), b.alpha());
        double margin = 0.1 * (upper - lower);
        if (radicand >= 0) {
            double d2 = Math.signum(b.alpha() - a.alpha()) * Math.sqrt(radicand);
            double alpha = b.alpha() - (b.alpha() - a.alpha()) * (b.slope() + d2 - d1) / (b.slope() - a.slope() + 2 * d2);
            if (alpha >= lower + margin && alpha <= upper - margin) {
                return alpha;
            }
        }
        return (lower + upper) / 2;
    }
}
