package org.adjoint.core;

/**
 * A finite, non-empty half-open interval {@code [low, high)} of doubles: the range of
 * {@link Tensor#randomUniform(long, Interval, int...)}, so that a call reads
 * {@code Tensor.randomUniform(seed, new Interval(-1, 1), 3, 4)} rather than five bare numbers.
 *
 * @param low  the smallest value, included
 * @param high the bound, excluded; above {@code low}, and {@code high − low} finite
 */
public record Interval(double low, double high) {

    /**
     * Validates the bounds.
     *
     * @throws IllegalArgumentException naming both bounds if the interval is empty, NaN or not finite
     */
    public Interval {
        if (!(low < high) || !Double.isFinite(high - low)) {
            throw new IllegalArgumentException("Interval: [" + low + ", " + high + ") must be finite and non-empty");
        }
    }

    /** The width {@code high − low}. */
    public double width() {
        return high - low;
    }

    /** {@code [low, high)}. */
    @Override
    public String toString() {
        return "[" + low + ", " + high + ")";
    }
}
