package org.adjoint.optim.minimize.linesearch;

import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.optim.univariate.UnivariatePointValuePair;

/**
 * The step that minimizes φ(α) = f(x + α·d) along the ray, to a tolerance: the lessons' "step until
 * {@code dᵀ∇f(x + α·d) = 0}". A bracket {@code [a, c]} with {@code φ(b) < φ(a), φ(c)} for some b
 * between them is found by doubling (or halving) the initial step, then Brent's method
 * (commons-math3) narrows it down. On a quadratic with positive definite Hessian H the result is
 * {@code α = −gᵀd / dᵀHd}.
 *
 * @param relativeTolerance Brent's relative tolerance on α
 * @param maxEvaluations    the budget of value evaluations, bracketing included
 */
public record ExactLineSearch(double relativeTolerance, int maxEvaluations) implements LineSearch {

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
        if (!(phi.slope0() < 0)) {
            return LineSearchResult.notDescent("exact line search", phi);
        }
        int[] spent = {0};
        Bracket bracket;
        try {
            bracket = bracket(phi, initialStep, spent);
        } catch (NotFinite e) {
            return LineSearchResult.failed("exact line search: " + e.getMessage(), spent[0]);
        }
        if (bracket == null) {
            return LineSearchResult.failed("exact line search: no bracket within " + maxEvaluations
                    + " evaluations (φ keeps decreasing)", spent[0]);
        }
        try {
            BrentOptimizer brent = new BrentOptimizer(relativeTolerance, 1e-300);
            UnivariatePointValuePair best = brent.optimize(new MaxEval(maxEvaluations - spent[0]), GoalType.MINIMIZE,
                    new SearchInterval(bracket.lower, bracket.upper, bracket.inside),
                    new UnivariateObjectiveFunction(alpha -> finite(phi, alpha, spent)));
            return LineSearchResult.accepted(phi.value(best.getPoint()), spent[0] + 1);
        } catch (NotFinite e) {
            return LineSearchResult.failed("exact line search: " + e.getMessage(), spent[0]);
        } catch (TooManyEvaluationsException e) {
            return LineSearchResult.failed("exact line search: Brent's method did not converge within " + maxEvaluations
                    + " evaluations", spent[0]);
        }
    }

    /** Three steps {@code lower < inside < upper} with φ(inside) below φ at both ends, or null if none was found. */
    private Bracket bracket(LineFunction phi, double initialStep, int[] spent) {
        double step = initialStep;
        double value = finite(phi, step, spent);
        while (value >= phi.value0()) {
            if (spent[0] >= maxEvaluations) {
                return null;
            }
            step /= 2;
            value = finite(phi, step, spent);
            if (value < phi.value0()) {
                return new Bracket(0, step, 2 * step);
            }
        }
        double lower = 0;
        while (spent[0] < maxEvaluations) {
            double next = 2 * step;
            double nextValue = finite(phi, next, spent);
            if (nextValue >= value) {
                return new Bracket(lower, step, next);
            }
            lower = step;
            step = next;
            value = nextValue;
        }
        return null;
    }

    private static double finite(LineFunction phi, double alpha, int[] spent) {
        spent[0]++;
        double v = phi.value(alpha).value();
        if (Double.isNaN(v)) {
            throw new NotFinite("φ(α) is NaN at α = " + alpha);
        }
        return v;
    }

    private record Bracket(double lower, double inside, double upper) {
    }

    /** A NaN met while searching, carried out of commons-math3's callback. */
    private static final class NotFinite extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotFinite(String message) {
            super(message);
        }
    }
}
