package org.adjoint.optim.minimize.linesearch;

import java.util.Objects;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;

/**
 * The step that minimizes φ(α) = f(x + α·d) along the ray, to a tolerance: the lessons' "step until
 * {@code dᵀ∇f(x + α·d) = 0}". A bracket {@code [a, c]} with {@code φ(b) < φ(a), φ(c)} for some b
 * between them is found by doubling (or halving) the initial step, then Brent's method
 * (commons-math3) narrows it down. On a quadratic with positive definite Hessian H the result is
 * {@code α = −gᵀd / dᵀHd}. The step returned is the trial with the lowest φ.
 *
 * <p>A trial where φ is NaN or +∞ is a step too long: while bracketing, the step is divided by ten;
 * inside Brent's method such a value counts as above every finite one. If φ still decreases when the
 * budget is spent doubling, the last step is taken ({@link LineSearchStatus#STEP_BOUND_REACHED}); φ ≤ −1e300
 * ends the search with {@link LineSearchStatus#UNBOUNDED}.
 *
 * @param relativeTolerance Brent's relative tolerance on α
 * @param maxEvaluations    the budget of value evaluations, bracketing included
 */
public record ExactLineSearch(double relativeTolerance, int maxEvaluations) implements LineSearch {

    private static final String NAME = "exact line search";

    /** Validates the settings. */
    public ExactLineSearch {
        if (!(relativeTolerance >= 1e-15 && relativeTolerance < 1) || maxEvaluations < 3) {
            throw new IllegalArgumentException("ExactLineSearch: need a relative tolerance in [1e-15, 1) and a budget of"
                    + " at least 3, got " + relativeTolerance + " and " + maxEvaluations);
        }
    }

    /** A search to a relative tolerance of 1e-10 with 200 evaluations. */
    public static ExactLineSearch standard() {
        return new ExactLineSearch(1e-10, 200);
    }

    @Override
    public LineSearchResult search(LineFunction phi, double initialStep) {
        Objects.requireNonNull(phi, "phi");
        double step = LineSearchResult.checkInitialStep(NAME, initialStep);
        if (!(phi.slope0() < 0)) {
            return LineSearchResult.notDescent(NAME, phi);
        }
        Trials trials = new Trials(NAME, phi, maxEvaluations);
        try {
            return narrow(trials, bracket(phi, step, trials));
        } catch (Unbounded e) {
            return trials.unbounded(e.point);
        }
    }

    /** The best point of Brent's method on the bracket, or why there is none. */
    private LineSearchResult narrow(Trials trials, Bracket bracket) {
        if (bracket.status != null) {
            return bracket.status.accepted() ? trials.fallback(bracket.status, trials.best(), bracket.why)
                    : trials.failed(bracket.status, bracket.why);
        }
        if (!trials.left()) {
            return trials.failed(LineSearchStatus.BUDGET_EXHAUSTED, "the budget of " + maxEvaluations
                    + " evaluations ran out while bracketing");
        }
        try {
            BrentOptimizer brent = new BrentOptimizer(relativeTolerance, 1e-300);
            brent.optimize(new MaxEval(trials.remaining()), GoalType.MINIMIZE,
                    new SearchInterval(bracket.lower, bracket.upper, bracket.inside),
                    new UnivariateObjectiveFunction(alpha -> brentValue(trials, alpha)));
            return trials.accepted(trials.best());
        } catch (TooManyEvaluationsException e) {
            return trials.failed(LineSearchStatus.BUDGET_EXHAUSTED, "Brent's method did not converge within "
                    + maxEvaluations + " evaluations");
        }
    }

    /**
     * Three steps {@code lower < inside < upper} with φ(inside) below φ(0) and φ at both ends, or a
     * bracket whose status says why there is none. Halves the step while φ ≥ φ(0) (divides it by ten
     * while φ is NaN or +∞), then doubles it while φ decreases.
     */
    private Bracket bracket(LineFunction phi, double initialStep, Trials trials) {
        double step = initialStep;
        LinePoint p = trial(trials, step);
        double above = Double.NaN;
        while (!p.isFinite() || p.value() >= phi.value0()) {
            if (!trials.left()) {
                return Bracket.none(LineSearchStatus.BUDGET_EXHAUSTED, "no step down to α = " + step + " lowers f below "
                        + phi.value0() + " within " + maxEvaluations + " evaluations");
            }
            above = step;
            step /= p.isFinite() ? 2 : 10;
            p = trial(trials, step);
        }
        if (!Double.isNaN(above)) {
            return new Bracket(0, step, above, null, null);
        }
        double lower = 0;
        while (trials.left()) {
            LinePoint next = trial(trials, 2 * step);
            if (!next.isFinite() || next.value() >= p.value()) {
                return new Bracket(lower, step, 2 * step, null, null);
            }
            lower = step;
            step = 2 * step;
            p = next;
        }
        return Bracket.none(LineSearchStatus.STEP_BOUND_REACHED, "φ still decreases at α = " + step + " after "
                + maxEvaluations + " evaluations; taking that step");
    }

    private static LinePoint trial(Trials trials, double alpha) {
        LinePoint p = trials.value(alpha);
        if (p.isUnbounded()) {
            throw new Unbounded(p);
        }
        return p;
    }

    /** φ for Brent's method, with NaN and +∞ (steps too long) above every finite value. */
    private static double brentValue(Trials trials, double alpha) {
        LinePoint p = trial(trials, alpha);
        return p.isFinite() ? p.value() : Double.MAX_VALUE;
    }

    /** A bracket, or (with the bounds NaN) the status and reason why there is none. */
    private record Bracket(double lower, double inside, double upper, LineSearchStatus status, String why) {
        static Bracket none(LineSearchStatus status, String why) {
            return new Bracket(Double.NaN, Double.NaN, Double.NaN, status, why);
        }
    }

    /** φ ≤ −1e300 met while searching, carried out of commons-math3's callback. */
    private static final class Unbounded extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient LinePoint point;

        Unbounded(LinePoint point) {
            super(null, null, false, false);
            this.point = point;
        }
    }
}
