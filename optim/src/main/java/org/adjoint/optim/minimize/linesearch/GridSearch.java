package org.adjoint.optim.minimize.linesearch;

import java.util.Arrays;
import java.util.Objects;

/**
 * The step with the lowest φ among a fixed list, the lessons' step-size sweep (for example
 * 1e-10, 1e-9, …, 1e-1). The initial step is ignored (but must be positive and finite). Steps where
 * φ is NaN or +∞ are passed over as too long; the search fails with
 * {@link LineSearchStatus#NO_DECREASE} if no step in the list lowers f ({@link LineSearchStatus#NO_FINITE_STEP}
 * if none is finite), and stops with {@link LineSearchStatus#UNBOUNDED} at a step where φ ≤ −1e300.
 *
 * @param steps the candidate steps, each positive
 */
public record GridSearch(double[] steps) implements LineSearch {

    private static final String NAME = "grid search";

    /** Validates and copies the steps. */
    public GridSearch {
        if (steps.length == 0 || Arrays.stream(steps).anyMatch(s -> !(s > 0) || Double.isInfinite(s))) {
            throw new IllegalArgumentException("GridSearch: the steps " + Arrays.toString(steps)
                    + " must be a non-empty list of positive finite numbers");
        }
        steps = steps.clone();
    }

    /** Every power of ten from 10^{@code from} to 10^{@code to}. */
    public static GridSearch powersOfTen(int from, int to) {
        double[] steps = new double[to - from + 1];
        for (int i = 0; i < steps.length; i++) {
            steps[i] = Math.pow(10, from + i);
        }
        return new GridSearch(steps);
    }

    @Override
    public LineSearchResult search(LineFunction phi, double initialStep) {
        Objects.requireNonNull(phi, "phi");
        LineSearchResult.checkInitialStep(NAME, initialStep);
        if (!(phi.slope0() < 0)) {
            return LineSearchResult.notDescent(NAME, phi);
        }
        Trials trials = new Trials(NAME, phi, steps.length);
        for (double step : steps) {
            if (!trials.left()) {
                break;
            }
            LinePoint p = trials.value(step);
            if (p.isUnbounded()) {
                return trials.unbounded(p);
            }
        }
        LinePoint best = trials.best();
        if (best == null || !(best.value() < phi.value0())) {
            return trials.failed(LineSearchStatus.NO_DECREASE, "no step in " + Arrays.toString(steps) + " lowers f below "
                    + phi.value0());
        }
        return trials.accepted(best);
    }

    /** The candidate steps (a copy). */
    @Override
    public double[] steps() {
        return steps.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GridSearch other && Arrays.equals(steps, other.steps);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(steps);
    }

    @Override
    public String toString() {
        return "GridSearch" + Arrays.toString(steps);
    }
}
