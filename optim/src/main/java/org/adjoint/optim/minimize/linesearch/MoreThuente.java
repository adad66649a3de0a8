package org.adjoint.optim.minimize.linesearch;

import java.util.Objects;

/**
 * The line search of Moré and Thuente ("Line search algorithms with guaranteed sufficient decrease",
 * ACM TOMS 20(3):286–307, 1994; MINPACK-2's {@code dcsrch}), which SciPy's BFGS and CG and L-BFGS-B
 * use: a step meeting the strong Wolfe conditions
 * <pre>
 *   φ(α) ≤ φ(0) + c₁·α·φ'(0)      (sufficient decrease)
 *   |φ'(α)| ≤ c₂·|φ'(0)|          (curvature)
 * </pre>
 * found by keeping an interval of uncertainty and choosing each trial with safeguarded cubic,
 * quadratic and secant steps ({@link SafeguardedStep}, the paper's four cases). While the interval is
 * open the trials grow by at least 1.1× and at most 5× the distance from the best step; once it
 * brackets a minimizer, a trial that fails to shrink the interval by a third forces a bisection. In
 * the first stage (until a trial has sufficient decrease and φ' ≥ 0) the search works on the
 * modified function {@code ψ(α) = φ(α) − c₁·α·φ'(0)}, which is what guarantees a point with
 * sufficient decrease is found.
 *
 * <p>Compared with {@link StrongWolfe} (Nocedal and Wright's bracket and zoom) it meets the
 * conditions in fewer trials on the Moré–Garbow–Hillstrom problems, which is why BFGS, L-BFGS and
 * nonlinear conjugate gradients use it by default (BENCHMARKS.md).
 *
 * <p>Where the algorithm cannot finish, the outcome is typed, as for every {@link LineSearch}:
 * <ul>
 *   <li>a trial where φ or φ' is NaN or +∞ is a step too long: the next trial is halfway back to the
 *       best step, and no later trial goes beyond it;
 *   <li>φ still decreasing with sufficient decrease at {@code maxStep} ends with that step,
 *       {@link LineSearchStatus#STEP_BOUND_REACHED};
 *   <li>when the interval shrinks below {@code xtol} relative width, rounding makes a trial fall
 *       outside it, the interval is a bracket only by a rise of φ of rounding size (its ends' values
 *       within 8 ulps, their slopes of one sign: the decrease along d is below f's resolution), or the
 *       budget runs out, the best point tried is taken if it meets sufficient
 *       decrease ({@link LineSearchStatus#SUFFICIENT_DECREASE_ONLY}), else the search fails with
 *       {@link LineSearchStatus#BRACKET_COLLAPSED} or {@link LineSearchStatus#BUDGET_EXHAUSTED};
 *   <li>φ ≤ −1e300 ends it with {@link LineSearchStatus#UNBOUNDED}.
 * </ul>
 *
 * @param c1             sufficient-decrease constant (MINPACK-2's {@code ftol}), in (0, c₂]
 * @param c2             curvature constant ({@code gtol}), in [c₁, 1)
 * @param xtol           relative width of the interval below which the search stops, in [0, 1)
 * @param maxStep        the largest step tried (a bounded method passes its distance to the boundary)
 * @param maxEvaluations the trial budget (each trial evaluates the value and the gradient)
 */
public record MoreThuente(double c1, double c2, double xtol, double maxStep, int maxEvaluations) implements CappedLineSearch {

    private static final String NAME = "Moré–Thuente";
    private static final double EXTRAPOLATE_MIN = 1.1;
    private static final double EXTRAPOLATE_MAX = 4.0;

    /** Validates the constants. */
    public MoreThuente {
        if (!(c1 > 0 && c1 <= c2 && c2 < 1) || !(xtol >= 0 && xtol < 1) || !(maxStep > 0) || maxEvaluations < 2) {
            throw new IllegalArgumentException("MoreThuente: need 0 < c1 <= c2 < 1, 0 <= xtol < 1, maxStep > 0 and a"
                    + " budget of at least 2, got c1 = " + c1 + ", c2 = " + c2 + ", xtol = " + xtol + ", maxStep = "
                    + maxStep + ", budget = " + maxEvaluations);
        }
    }

    /** SciPy's constants for BFGS: c₁ = 1e-4, c₂ = 0.9, xtol = 1e-14, steps up to 1e10, 60 trials. */
    public static MoreThuente standard() {
        return withCurvature(0.9);
    }

    /** The standard search with another curvature constant (SciPy's CG uses c₂ = 0.4). */
    public static MoreThuente withCurvature(double c2) {
        return new MoreThuente(1e-4, c2, 1e-14, 1e10, 60);
    }

    /** This search with steps capped at {@code maxStep} (a bounded method's distance to the boundary). */
    @Override
    public MoreThuente withMaxStep(double maxStep) {
        return new MoreThuente(c1, c2, xtol, maxStep, maxEvaluations);
    }

    @Override
    public LineSearchResult search(LineFunction phi, double initialStep) {
        Objects.requireNonNull(phi, "phi");
        double alpha = Math.min(LineSearchResult.checkInitialStep(NAME, initialStep), maxStep);
        if (!(phi.slope0() < 0)) {
            return LineSearchResult.notDescent(NAME, phi);
        }
        return new Run(phi, new Trials(NAME, phi, maxEvaluations)).from(alpha);
    }

    /** The state of one search: the interval, the stage, the widths that force bisection, the step bounds. */
    private final class Run {
        private final LineFunction phi;
        private final Trials trials;
        private final double gtest;
        private final SafeguardedStep interval;
        private boolean firstStage = true;
        private double width = maxStep;
        private double previousWidth = 2 * maxStep;
        private double stepMin;
        private double stepMax;
        private double ceiling;

        Run(LineFunction phi, Trials trials) {
            this.phi = phi;
            this.trials = trials;
            this.gtest = c1 * phi.slope0();
            this.interval = new SafeguardedStep(phi.value0(), phi.slope0());
            this.ceiling = maxStep;
        }

        LineSearchResult from(double alpha) {
            stepMax = alpha + EXTRAPOLATE_MAX * alpha;
            while (trials.left()) {
                LinePoint p = trials.evaluate(alpha);
                if (p.isUnbounded()) {
                    return trials.unbounded(p);
                }
                if (!p.isFinite()) {
                    ceiling = alpha;
                    alpha = interval.stx + 0.5 * (alpha - interval.stx);
                    continue;
                }
                LineSearchResult end = verdict(p);
                if (end != null) {
                    return end;
                }
                alpha = next(p);
                if (flatToRounding()) {
                    return collapsed("the interval [" + stepMin + ", " + stepMax + "] was bracketed by a rise of φ of"
                            + " rounding size only (φ = " + interval.fx + " and " + interval.fy + ", slopes " + interval.dx
                            + " and " + interval.dy + " of one sign): no decrease of f is measurable along d");
                }
                if (Double.isNaN(alpha)) {
                    return collapsed("the interval [" + stepMin + ", " + stepMax + "] can shrink no further (relative"
                            + " width " + (stepMax - stepMin) / stepMax + ", xtol = " + xtol + ")");
                }
            }
            return trials.bestWithSufficientDecrease(c1, LineSearchStatus.BUDGET_EXHAUSTED,
                    "no step meets both conditions within " + maxEvaluations + " evaluations");
        }

        /** The end of the search at trial {@code p}, or null to go on (the paper's tests, in its order). */
        private LineSearchResult verdict(LinePoint p) {
            double ftest = phi.value0() + p.alpha() * gtest;
            if (firstStage && p.value() <= ftest && p.slope() >= 0) {
                firstStage = false;
            }
            if (p.value() <= ftest && Math.abs(p.slope()) <= -c2 * phi.slope0()) {
                return trials.accepted(p);
            }
            if (interval.bracketed && (p.alpha() <= stepMin || p.alpha() >= stepMax)) {
                return collapsed("rounding errors prevent progress in [" + stepMin + ", " + stepMax + "]");
            }
            if (interval.bracketed && stepMax - stepMin <= xtol * stepMax) {
                return collapsed("the interval [" + stepMin + ", " + stepMax + "] is narrower than xtol = " + xtol
                        + " relative");
            }
            if (p.alpha() >= maxStep && p.value() <= ftest && p.slope() <= gtest) {
                return trials.fallback(LineSearchStatus.STEP_BOUND_REACHED, p, "φ still decreases at the largest step α = "
                        + maxStep + " (φ = " + p.value() + ", φ' = " + p.slope() + "); taking it");
            }
            return null;
        }

        /**
         * Whether the interval is a bracket only by rounding: its ends' values differ by a few ulps while
         * the slopes have one sign, so φ's decrease along d is below the resolution of f (at a minimizer
         * to machine precision, or on a plateau). Going on would spend the whole budget on noise.
         */
        private boolean flatToRounding() {
            SafeguardedStep i = interval;
            double scale = Math.max(Math.abs(i.fx), Math.abs(i.fy));
            return i.bracketed && i.dx * i.dy > 0 && Math.abs(i.fy - i.fx) <= 8 * Math.ulp(scale);
        }

        private LineSearchResult collapsed(String why) {
            return trials.bestWithSufficientDecrease(c1, LineSearchStatus.BRACKET_COLLAPSED, why
                    + " without meeting the curvature condition");
        }

        /**
         * The next trial after the finite trial {@code p}: the safeguarded step, then the paper's bisection
         * and bounds; NaN when the bracket can shrink no further (where MINPACK-2 would spend one more
         * evaluation at the best step to find that out).
         */
        private double next(LinePoint p) {
            double alpha = safeguarded(p);
            if (interval.bracketed) {
                if (Math.abs(interval.sty - interval.stx) >= 0.66 * previousWidth) {
                    alpha = interval.stx + 0.5 * (interval.sty - interval.stx);
                }
                previousWidth = width;
                width = Math.abs(interval.sty - interval.stx);
                stepMin = Math.min(interval.stx, interval.sty);
                stepMax = Math.max(interval.stx, interval.sty);
            } else {
                stepMin = alpha + EXTRAPOLATE_MIN * (alpha - interval.stx);
                stepMax = alpha + EXTRAPOLATE_MAX * (alpha - interval.stx);
            }
            stepMax = Math.min(stepMax, ceiling);
            alpha = Math.max(0, Math.min(alpha, Math.min(maxStep, ceiling)));
            boolean stuck = interval.bracketed && (alpha <= stepMin || alpha >= stepMax || stepMax - stepMin <= xtol * stepMax);
            if (stuck) {
                return Double.NaN;
            }
            return Double.isFinite(alpha) && alpha > 0 ? alpha : 0.5 * p.alpha();
        }

        /** The step of {@link SafeguardedStep}, on ψ in the first stage while p is no worse than the best. */
        private double safeguarded(LinePoint p) {
            double t = p.alpha();
            double ftest = phi.value0() + t * gtest;
            boolean modified = firstStage && p.value() <= interval.fx && p.value() > ftest;
            if (!modified) {
                return interval.update(t, p.value(), p.slope(), stepMin, stepMax);
            }
            SafeguardedStep s = interval;
            s.fx -= s.stx * gtest;
            s.fy -= s.sty * gtest;
            s.dx -= gtest;
            s.dy -= gtest;
            double alpha = s.update(t, p.value() - t * gtest, p.slope() - gtest, stepMin, stepMax);
            s.fx += s.stx * gtest;
            s.fy += s.sty * gtest;
            s.dx += gtest;
            s.dy += gtest;
            return alpha;
        }
    }
}
