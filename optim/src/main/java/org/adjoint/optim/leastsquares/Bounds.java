package org.adjoint.optim.leastsquares;

import java.util.Arrays;
import java.util.Objects;

/**
 * Simple bounds {@code lower ≤ θ ≤ upper} on each parameter; −∞ or +∞ leaves a side open, and
 * {@code lower = upper} fixes a parameter. Arrays are copied in and out.
 *
 * @param lower the lower bounds, one per parameter (−∞ for none)
 * @param upper the upper bounds (+∞ for none)
 */
public record Bounds(double[] lower, double[] upper) {

    /**
     * Refuses arrays of different lengths, NaN, a lower bound of +∞ or an upper bound of −∞, and
     * {@code lower[j] > upper[j]}, naming the index and the values.
     */
    public Bounds {
        lower = lower.clone();
        upper = upper.clone();
        if (lower.length != upper.length) {
            throw new IllegalArgumentException("Bounds: " + lower.length + " lower bounds but " + upper.length + " upper bounds");
        }
        for (int j = 0; j < lower.length; j++) {
            if (Double.isNaN(lower[j]) || Double.isNaN(upper[j]) || lower[j] == Double.POSITIVE_INFINITY
                    || upper[j] == Double.NEGATIVE_INFINITY || lower[j] > upper[j]) {
                throw new IllegalArgumentException("Bounds: parameter " + j + " has lower bound " + lower[j]
                        + " and upper bound " + upper[j] + "; need lower ≤ upper, lower < +∞, upper > −∞, no NaN");
            }
        }
    }

    /** No bounds on n parameters. */
    public static Bounds none(int n) {
        double[] lower = new double[n];
        double[] upper = new double[n];
        Arrays.fill(lower, Double.NEGATIVE_INFINITY);
        Arrays.fill(upper, Double.POSITIVE_INFINITY);
        return new Bounds(lower, upper);
    }

    /** Equal when the bounds are, compared by content. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Bounds b && Arrays.equals(lower, b.lower) && Arrays.equals(upper, b.upper);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(lower) + Arrays.hashCode(upper);
    }

    @Override
    public String toString() {
        return "Bounds[lower=" + Arrays.toString(lower) + ", upper=" + Arrays.toString(upper) + "]";
    }

    @Override
    public double[] lower() {
        return lower.clone();
    }

    @Override
    public double[] upper() {
        return upper.clone();
    }

    /** The number of parameters bounded. */
    public int size() {
        return lower.length;
    }

    /** Whether {@code lower ≤ θ ≤ upper} holds for every parameter. */
    public boolean contains(double[] theta) {
        Objects.requireNonNull(theta, "theta");
        for (int j = 0; j < theta.length; j++) {
            if (!(theta[j] >= lower[j] && theta[j] <= upper[j])) {
                return false;
            }
        }
        return true;
    }

    /** θ clipped into the box, element by element (a fresh array). */
    public double[] project(double[] theta) {
        Objects.requireNonNull(theta, "theta");
        double[] p = new double[theta.length];
        for (int j = 0; j < theta.length; j++) {
            p[j] = Math.min(upper[j], Math.max(lower[j], theta[j]));
        }
        return p;
    }

    /** Whether parameter j sits on a bound that the descent direction −g pushes against. */
    boolean binding(int j, double theta, double g) {
        return theta <= lower[j] && g > 0 || theta >= upper[j] && g < 0;
    }

    /** Refuses a start outside the box (SciPy's least_squares does the same), naming the parameter. */
    void requireInside(String op, double[] theta0) {
        if (theta0.length != lower.length) {
            throw new IllegalArgumentException(op + ": " + lower.length + " bounds for " + theta0.length + " parameters");
        }
        for (int j = 0; j < theta0.length; j++) {
            if (!(theta0[j] >= lower[j] && theta0[j] <= upper[j])) {
                throw new IllegalArgumentException(op + ": θ₀[" + j + "] = " + theta0[j] + " lies outside its bounds ["
                        + lower[j] + ", " + upper[j] + "]; start inside the box");
            }
        }
    }
}
