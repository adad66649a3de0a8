package org.adjoint.optim.minimize.linesearch;

import java.util.Objects;

/**
 * Hager and Zhang's line search (W. W. Hager and H. Zhang, "A new conjugate gradient method with
 * guaranteed descent and an efficient line search", SIAM J. Optim. 16 (2005), section 4; "Algorithm
 * 851: CG_DESCENT", ACM TOMS 32 (2006)). A step is accepted when it meets either the Wolfe conditions
 * (T1) or the approximate Wolfe conditions (T2), with ε_k = ε·|φ(0)|:
 * <pre>
 *   T1:  φ(α) − φ(0) ≤ δ·α·φ'(0)    and   φ'(α) ≥ σ·φ'(0)
 *   T2:  (2δ − 1)·φ'(0) ≥ φ'(α) ≥ σ·φ'(0)   and   φ(α) ≤ φ(0) + ε_k
 * </pre>
 * T2 replaces the sufficient-decrease test, which rounding makes useless near a minimum (where φ(α) −
 * φ(0) is below the precision of f), by a test on φ', which keeps its accuracy; the price is that an
 * accepted step may raise f by up to ε_k. Both tests are tried at every trial, as LineSearches.jl does
 * (CG_DESCENT switches to T2 only once f changes little between iterations: a line search here has no
 * memory of earlier iterations).
 *
 * <p>The search keeps a bracket [a, b] with φ(a) ≤ φ(0) + ε_k, φ'(a) &lt; 0 and φ'(b) ≥ 0.
 * <b>bracket(c)</b>: while φ'(c) &lt; 0 and φ(c) ≤ φ(0) + ε_k, the trial c is multiplied by ρ; a trial
 * with φ'(c) ≥ 0 ends the bracket at c, one above φ(0) + ε_k is bisected from the last good step (U3).
 * <b>update(a, b, c)</b>: U1 φ'(c) ≥ 0 gives [a, c]; U2 φ(c) ≤ φ(0) + ε_k gives [c, b]; U3 otherwise
 * bisects [a, c] at {@code (1 − θ)·a + θ·c} until a trial with φ' ≥ 0 is found. <b>secant²</b>: the
 * secant step {@code (a·φ'(b) − b·φ'(a)) / (φ'(b) − φ'(a))}, an update, and a second secant step from
 * the side that moved. After each secant² that shrinks the bracket by less than γ, the midpoint is
 * tried (an update at (a + b)/2). The last good step of the bracketing phase is used as U3's â, not 0:
 * it meets the same invariants and gives a tighter bracket.
 *
 * <p>Outcomes (the {@link LineSearch} contract): a trial where φ or φ' is NaN or +∞ is treated as a step
 * above φ(0) + ε_k, so it is bisected away from, a tenth of the way from the good end rather than by θ;
 * φ still decreasing at the largest step ({@code maxStep}, 1e10 by default) ends with that step if it lowers f ({@link LineSearchStatus#STEP_BOUND_REACHED};
 * otherwise the best point as below, or {@link LineSearchStatus#NO_DECREASE}); a
 * bracket that shrinks to rounding ({@code b − a ≤ 1e-14·b}) or a spent budget takes the best point if it
 * meets sufficient decrease and lowers f ({@link LineSearchStatus#SUFFICIENT_DECREASE_ONLY}), otherwise
 * fails with {@link LineSearchStatus#BRACKET_COLLAPSED} or {@link LineSearchStatus#BUDGET_EXHAUSTED};
 * φ ≤ −1e300 ends it with {@link LineSearchStatus#UNBOUNDED}. Each trial evaluates the value and the
 * gradient.
 *
 * @param delta          δ, the sufficient-decrease constant, in (0, ½); CG_DESCENT's 0.1
 * @param sigma          σ, the curvature constant, in [δ, 1); 0.9
 * @param epsilon        ε, the tolerance of T2 relative to |φ(0)|, at least 0; 1e-6
 * @param theta          θ, where U3 bisects, in (0, 1); 0.5
 * @param gamma          γ, the shrink factor below which secant² is followed by bisection, in (0, 1); 0.66
 * @param rho            ρ, the expansion factor of the bracketing phase, above 1; 5
 * @param maxEvaluations the trial budget, at least 2
 * @param maxStep        the largest step tried (a bounded method passes its distance to the boundary)
 */
public record HagerZhang(double delta, double sigma, double epsilon, double theta, double gamma, double rho,
                         int maxEvaluations, double maxStep) implements CappedLineSearch {

    private static final String NAME = "Hager–Zhang";

    /** Validates the constants. */
    public HagerZhang {
        if (!(delta > 0 && delta < 0.5 && sigma >= delta && sigma < 1) || !(epsilon >= 0) || Double.isInfinite(epsilon)
                || !(theta > 0 && theta < 1) || !(gamma > 0 && gamma < 1) || !(rho > 1) || Double.isInfinite(rho)
                || maxEvaluations < 2 || !(maxStep > 0)) {
            throw new IllegalArgumentException("HagerZhang: need 0 < delta < 0.5, delta <= sigma < 1, finite epsilon >= 0,"
                    + " 0 < theta < 1, 0 < gamma < 1, finite rho > 1, a budget of at least 2 and maxStep > 0, got delta = " + delta
                    + ", sigma = " + sigma + ", epsilon = " + epsilon + ", theta = " + theta + ", gamma = " + gamma
                    + ", rho = " + rho + ", budget = " + maxEvaluations + ", maxStep = " + maxStep);
        }
    }

    /** The search with steps up to 1e10. */
    public HagerZhang(double delta, double sigma, double epsilon, double theta, double gamma, double rho, int maxEvaluations) {
        this(delta, sigma, epsilon, theta, gamma, rho, maxEvaluations, 1e10);
    }

    /** This search with steps capped at {@code maxStep}. */
    @Override
    public HagerZhang withMaxStep(double maxStep) {
        return new HagerZhang(delta, sigma, epsilon, theta, gamma, rho, maxEvaluations, maxStep);
    }

    /** CG_DESCENT's defaults: δ = 0.1, σ = 0.9, ε = 1e-6, θ = 0.5, γ = 0.66, ρ = 5, and 60 trials. */
    public static HagerZhang standard() {
        return new HagerZhang(0.1, 0.9, 1e-6, 0.5, 0.66, 5, 60);
    }

    @Override
    public LineSearchResult search(LineFunction phi, double initialStep) {
        Objects.requireNonNull(phi, "phi");
        double c = Math.min(LineSearchResult.checkInitialStep(NAME, initialStep), maxStep);
        if (!(phi.slope0() < 0)) {
            return LineSearchResult.notDescent(NAME, phi);
        }
        return new Search(this, phi).run(c);
    }

    /** The bracket [a, b]: φ(a) ≤ φ(0) + ε_k, φ'(a) &lt; 0, φ'(b) ≥ 0. */
    private record Bracket(LinePoint a, LinePoint b) {
        double width() {
            return b.alpha() - a.alpha();
        }
    }

    /**
     * The state of one search. Each step returns null once the search has ended (a trial accepted,
     * unbounded, the budget spent or the bracket collapsed), with the result in {@link #end}.
     */
    private static final class Search {
        private final HagerZhang hz;
        private final LineFunction phi;
        private final Trials trials;
        private final double ceiling;
        private LineSearchResult end;

        Search(HagerZhang hz, LineFunction phi) {
            this.hz = hz;
            this.phi = phi;
            this.trials = new Trials(NAME, phi, hz.maxEvaluations);
            this.ceiling = phi.value0() + hz.epsilon * Math.abs(phi.value0());
        }

        /** L0–L3 of the 2005 paper: bracket, then secant² (and a bisection when it shrinks too little). */
        LineSearchResult run(double c) {
            Bracket ab = bracket(c);
            while (ab != null) {
                Bracket next = secant2(ab);
                if (next != null && next.width() > hz.gamma * ab.width()) {
                    next = update(next, (next.a().alpha() + next.b().alpha()) / 2);
                }
                ab = next != null && collapsed(next.a(), next.b()) ? null : next;
            }
            return end;
        }

        /** B0–B3: expand by ρ while φ' &lt; 0 and φ stays below φ(0) + ε_k. */
        private Bracket bracket(double initial) {
            LinePoint previous = new LinePoint(0, phi.point(0), phi.value0(), null, phi.slope0());
            double c = initial;
            while (true) {
                LinePoint p = trial(c);
                if (p == null) {
                    return null;
                }
                if (p.isFinite() && p.slope() >= 0) {
                    return new Bracket(previous, p);
                }
                if (tooHigh(p)) {
                    return bisect(previous, p);
                }
                if (c >= hz.maxStep) {
                    end = stepBound(p);
                    return null;
                }
                previous = p;
                c = Math.min(hz.rho * c, hz.maxStep);
            }
        }

        /** S1–S4: a secant step, an update, and a second secant step from the side that moved. */
        private Bracket secant2(Bracket ab) {
            double c = secant(ab.a(), ab.b());
            Bracket next = update(ab, c);
            if (next == null) {
                return null;
            }
            if (c == next.b().alpha()) {
                return update(next, secant(ab.b(), next.b()));
            }
            if (c == next.a().alpha()) {
                return update(next, secant(ab.a(), next.a()));
            }
            return next;
        }

        /** U0–U3: the bracket narrowed by a trial at c, if c lies inside it. */
        private Bracket update(Bracket ab, double c) {
            if (!(c > ab.a().alpha() && c < ab.b().alpha())) {
                return ab;
            }
            LinePoint p = trial(c);
            if (p == null) {
                return null;
            }
            if (p.isFinite() && p.slope() >= 0) {
                return new Bracket(ab.a(), p);
            }
            return tooHigh(p) ? bisect(ab.a(), p) : new Bracket(p, ab.b());
        }

        /** U3a–c: bisect [lo, hi] (hi too high or not finite) until a trial with φ' ≥ 0 closes a bracket. */
        private Bracket bisect(LinePoint lo, LinePoint hi) {
            while (!collapsed(lo, hi)) {
                double weight = hi.isFinite() ? hz.theta : 0.1;
                LinePoint d = trial((1 - weight) * lo.alpha() + weight * hi.alpha());
                if (d == null) {
                    return null;
                }
                if (d.isFinite() && d.slope() >= 0) {
                    return new Bracket(lo, d);
                }
                if (tooHigh(d)) {
                    hi = d;
                } else {
                    lo = d;
                }
            }
            return null;
        }

        /** φ and φ' at α, or null when the search ends here: budget spent, unbounded, or accepted. */
        private LinePoint trial(double alpha) {
            if (!trials.left()) {
                end = giveUp(LineSearchStatus.BUDGET_EXHAUSTED, "no step meets the Wolfe or approximate Wolfe conditions within "
                        + hz.maxEvaluations + " evaluations");
                return null;
            }
            LinePoint p = trials.evaluate(alpha);
            if (p.isUnbounded()) {
                end = trials.unbounded(p);
                return null;
            }
            if (p.isFinite() && (wolfe(p) || approximateWolfe(p))) {
                end = trials.accepted(p);
                return null;
            }
            return p;
        }

        private boolean tooHigh(LinePoint p) {
            return !p.isFinite() || p.value() > ceiling;
        }

        private boolean wolfe(LinePoint p) {
            return p.value() - phi.value0() <= hz.delta * p.alpha() * phi.slope0() && p.slope() >= hz.sigma * phi.slope0();
        }

        private boolean approximateWolfe(LinePoint p) {
            return p.value() <= ceiling && (2 * hz.delta - 1) * phi.slope0() >= p.slope()
                    && p.slope() >= hz.sigma * phi.slope0();
        }

        /** Whether [lo, hi] has shrunk to rounding; if so the search ends. */
        private boolean collapsed(LinePoint lo, LinePoint hi) {
            if (hi.alpha() - lo.alpha() > 1e-14 * hi.alpha()) {
                return false;
            }
            end = giveUp(LineSearchStatus.BRACKET_COLLAPSED, "the bracket [" + lo.alpha() + ", " + hi.alpha()
                    + "] shrank to rounding without meeting the Wolfe or approximate Wolfe conditions");
            return true;
        }

        /** φ' still negative at the largest step: take it if it lowers f; else the best point with sufficient decrease. */
        private LineSearchResult stepBound(LinePoint p) {
            if (p.value() < phi.value0()) {
                return trials.fallback(LineSearchStatus.STEP_BOUND_REACHED, p, "φ still decreases at the largest step α = "
                        + hz.maxStep + " (φ = " + p.value() + ", φ' = " + p.slope() + "); taking it");
            }
            return giveUp(LineSearchStatus.NO_DECREASE, "φ' is still negative at the largest step α = " + hz.maxStep
                    + " but φ = " + p.value() + " does not lower f below " + phi.value0());
        }

        /** The best point if it meets sufficient decrease (with δ) and lowers f, else a failure with {@code status}. */
        private LineSearchResult giveUp(LineSearchStatus status, String why) {
            return trials.bestWithSufficientDecrease(hz.delta, status, why);
        }

        private static double secant(LinePoint a, LinePoint b) {
            return (a.alpha() * b.slope() - b.alpha() * a.slope()) / (b.slope() - a.slope());
        }
    }
}
