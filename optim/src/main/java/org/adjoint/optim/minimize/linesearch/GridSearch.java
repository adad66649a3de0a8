package org.adjoint.optim.minimize.linesearch;

import java.util.Arrays;

/**
 * The step with the lowest φ among a fixed list, the lessons' step-size sweep (for example
 * 1e-10, 1e-9, …, 1e-1). Fails if no step in the list lowers f.
 *
 * @param steps the candidate steps, each positive
 */
public record GridSearch(double[] steps) implements LineSearch {

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
        if (!(phi.slope0() < 0)) {
            return LineSearchResult.notDescent("grid search", phi);
        }
        LinePoint best = null;
        for (double step : steps) {
            LinePoint p = phi.value(step);
            if (Double.isNaN(p.value())) {
                return LineSearchResult.failed("grid search: φ(α) is NaN at α = " + step, steps.length);
            }
            if (best == null || p.value() < best.value()) {
                best = p;
            }
        }
        if (!(best.value() < phi.value0())) {
            return LineSearchResult.failed("grid search: no step in " + Arrays.toString(steps) + " lowers f below "
                    + phi.value0(), steps.length);
        }
        return LineSearchResult.accepted(best, steps.length);
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
