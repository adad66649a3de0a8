package org.adjoint.optim.minimize.linesearch;


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
 * @param c1             sufficient-decrease constant, in (0, c₂)
 * @param c2             curvature constant, in (c₁, 1)
 * @param maxEvaluations the trial budget (each trial evaluates the value and the gradient)
 */
public record StrongWolfe(double c1, double c2, int maxEvaluations) implements LineSearch {

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
        if (!(phi.slope0() < 0)) {
            return LineSearchResult.notDescent("strong Wolfe", phi);
        }
        Budget budget = new Budget(maxEvaluations);
        LinePoint previous = new LinePoint(0, null, phi.value0(), null, phi.slope0());
        double alpha = initialStep;
        for (int i = 1; budget.left(); i++) {
            LinePoint p = phi.evaluate(alpha);
            budget.spend();
            if (Double.isNaN(p.value()) || Double.isNaN(p.slope())) {
                return LineSearchResult.failed("strong Wolfe: φ is NaN at α = " + alpha, budget.spent());
            }
            if (!sufficientDecrease(phi, p) || (i > 1 && p.value() >= previous.value())) {
                return zoom(phi, previous, p, budget);
            }
            if (curvature(phi, p)) {
                return LineSearchResult.accepted(p, budget.spent());
            }
            if (p.slope() >= 0) {
                return zoom(phi, p, previous, budget);
            }
            previous = p;
            alpha = Math.min(2 * alpha, MAX_STEP);
        }
        return LineSearchResult.failed("strong Wolfe: no acceptable step within " + maxEvaluations + " evaluations",
                budget.spent());
    }

    /** Algorithm 3.6: shrink the bracket [lo, hi] (lo the better end) until a point satisfies both conditions. */
    private LineSearchResult zoom(LineFunction phi, LinePoint lo, LinePoint hi, Budget budget) {
        while (budget.left()) {
            double width = Math.abs(hi.alpha() - lo.alpha());
            if (width <= 1e-14 * Math.max(1, Math.abs(lo.alpha()))) {
                return LineSearchResult.failed("strong Wolfe: the bracket [" + Math.min(lo.alpha(), hi.alpha()) + ", "
                        + Math.max(lo.alpha(), hi.alpha()) + "] shrank to nothing without meeting the conditions",
                        budget.spent());
            }
            LinePoint p = phi.evaluate(interpolate(lo, hi));
            budget.spend();
            if (Double.isNaN(p.value()) || Double.isNaN(p.slope())) {
                return LineSearchResult.failed("strong Wolfe: φ is NaN at α = " + p.alpha(), budget.spent());
            }
            if (!sufficientDecrease(phi, p) || p.value() >= lo.value()) {
                hi = p;
            } else {
                if (curvature(phi, p)) {
                    return LineSearchResult.accepted(p, budget.spent());
                }
                if (p.slope() * (hi.alpha() - lo.alpha()) >= 0) {
                    hi = lo;
                }
                lo = p;
            }
        }
        return LineSearchResult.failed("strong Wolfe: no acceptable step within " + maxEvaluations + " evaluations",
                budget.spent());
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

    /** Counts trial evaluations against the budget. */
    private static final class Budget {
        private final int limit;
        private int spent;

        Budget(int limit) {
            this.limit = limit;
        }

        boolean left() {
            return spent < limit;
        }

        void spend() {
            spent++;
        }

        int spent() {
            return spent;
        }
    }
}
