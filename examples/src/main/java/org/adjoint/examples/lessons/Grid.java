package org.adjoint.examples.lessons;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Evenly spaced sample points and index ranges, for the lessons' sweeps and plots. */
final class Grid {

    private Grid() {
    }

    /** {@code n} evenly spaced points from {@code from} to {@code to}, both included. */
    static double[] linspace(double from, double to, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = n == 1 ? from : from + (to - from) * i / (n - 1);
        }
        return v;
    }

    /** The indices {@code 0 … n−1}. */
    static int[] indices(int n) {
        int[] v = new int[n];
        for (int i = 0; i < n; i++) {
            v[i] = i;
        }
        return v;
    }

    /** {@code 0, 1, …, n−1} as doubles (a step axis). */
    static double[] steps(int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = i;
        }
        return v;
    }

    /** {@code k} distinct indices out of {@code 0 … n−1}, in a random order drawn from {@code seed}. */
    static int[] sample(int n, int k, long seed) {
        int[] all = indices(n);
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < k; i++) {
            int j = i + random.nextInt(n - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        return Arrays.copyOf(all, k);
    }
}
