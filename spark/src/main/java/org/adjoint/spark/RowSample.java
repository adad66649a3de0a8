package org.adjoint.spark;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Which rows a minibatch step takes: row r of partition p is in the sample of step t when a hash of
 * (seed, t, p, r) falls below the fraction. The same seed, step and partitioning pick the same rows
 * on any executor and after any retry (a Bernoulli sample like {@code RDD.sample(false, fraction,
 * seed + t)}, but independent of the order rows are read in and of the random generator's state).
 *
 * @param fraction the probability of each row being picked, in (0, 1]
 * @param seed     the run's seed
 * @param step     the step's number
 */
record RowSample(double fraction, long seed, long step) implements Serializable {

    private static final long serialVersionUID = 1L;

    RowSample {
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("minibatch fraction = " + fraction + " must be in (0, 1]");
        }
    }

    /** The picked rows among {@code rows} of partition {@code partition}, increasing. */
    int[] pick(int partition, int rows) {
        int[] picked = new int[rows];
        int n = 0;
        long base = mix(mix(seed ^ 0x632BE59BD9B4E019L) + step * 0x9E3779B97F4A7C15L) + partition * 0xD1B54A32D192ED03L;
        for (int r = 0; r < rows; r++) {
            double u = (mix(base + r * 0x9E3779B97F4A7C15L) >>> 11) * 0x1.0p-53;
            if (u < fraction) {
                picked[n++] = r;
            }
        }
        return Arrays.copyOf(picked, n);
    }

    /** SplitMix64's finalizer: a bijective mix of 64 bits. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
