package org.adjoint.optim.train;

import java.util.Arrays;

/**
 * What a {@link LearningRateFinder} measured: at each step the learning rate, the batch's loss before
 * the step and the bias-corrected exponentially smoothed loss, and a suggested rate. Immutable; the
 * accessors return copies.
 */
public final class LearningRateCurve {

    private final double[] rates;
    private final double[] losses;
    private final double[] smoothed;
    private final boolean diverged;

    LearningRateCurve(double[] rates, double[] losses, double[] smoothed, boolean diverged) {
        this.rates = rates.clone();
        this.losses = losses.clone();
        this.smoothed = smoothed.clone();
        this.diverged = diverged;
    }

    /** The learning rate of each step (that of the reference parameter's rule; see {@link LearningRateFinder}). */
    public double[] rates() {
        return rates.clone();
    }

    /** The loss of each step's batch, at the parameters before the step. */
    public double[] losses() {
        return losses.clone();
    }

    /** The smoothed loss of each step: {@code avg ← β·avg + (1 − β)·loss}, divided by {@code 1 − β^(i+1)}. */
    public double[] smoothed() {
        return smoothed.clone();
    }

    /** Whether the sweep stopped before its last rate because the loss blew up (or was not finite). */
    public boolean diverged() {
        return diverged;
    }

    /**
     * The suggested learning rate: where the smoothed loss falls fastest against the logarithm of the
     * rate (the most negative slope, by central differences inside the curve and one-sided ones at its
     * ends, as {@code numpy.gradient}). As fastai's plot does, a curve of more than 20 points leaves its
     * first 10 (the average is still settling) and last 5 (already blowing up) out of the search. NaN
     * if fewer than two points were measured.
     */
    public double suggestion() {
        int n = rates.length;
        if (n < 2) {
            return Double.NaN;
        }
        boolean trim = n > 20;
        int steepest = 0;
        double least = Double.POSITIVE_INFINITY;
        for (int i = trim ? 10 : 0; i < (trim ? n - 5 : n); i++) {
            int lo = Math.max(0, i - 1);
            int hi = Math.min(n - 1, i + 1);
            double slope = (smoothed[hi] - smoothed[lo]) / (Math.log(rates[hi]) - Math.log(rates[lo]));
            if (slope < least) {
                least = slope;
                steepest = i;
            }
        }
        return rates[steepest];
    }

    @Override
    public String toString() {
        return "LearningRateCurve[" + rates.length + " rates from " + (rates.length == 0 ? "-" : rates[0]) + " to "
                + (rates.length == 0 ? "-" : rates[rates.length - 1]) + (diverged ? ", diverged" : "") + ", suggestion "
                + suggestion() + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LearningRateCurve c && Arrays.equals(rates, c.rates) && Arrays.equals(losses, c.losses)
                && Arrays.equals(smoothed, c.smoothed) && diverged == c.diverged;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(rates) + Arrays.hashCode(losses)) + Arrays.hashCode(smoothed);
    }
}
