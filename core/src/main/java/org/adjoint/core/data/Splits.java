package org.adjoint.core.data;

import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A seeded random partition of examples into training, validation and test parts.
 *
 * @param train the training examples
 * @param validation the validation examples (may be empty only if its fraction was 0)
 * @param test the test examples
 */
public record Splits(Examples train, Examples validation, Examples test) {

    /** Checks that the three parts are present. */
    public Splits {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(validation, "validation");
        Objects.requireNonNull(test, "test");
    }

    /**
     * Shuffles the examples (Fisher–Yates driven by a {@link SplittableRandom} seeded with {@code seed})
     * and cuts the order: the first {@code round(n · validationFraction)} examples are the validation
     * part, the next {@code round(n · testFraction)} the test part, the rest the training part. The same
     * examples, fractions and seed always give the same parts.
     *
     * @throws IllegalArgumentException if a fraction is negative or not finite, {@code testFraction} is
     *     0, they sum to 1 or more, or the training or test part would be empty
     */
    public static Splits of(Examples all, double validationFraction, double testFraction, long seed) {
        int n = all.size();
        if (!(validationFraction >= 0 && testFraction > 0 && validationFraction + testFraction < 1)) {
            throw new IllegalArgumentException("Splits.of: validationFraction " + validationFraction + " and testFraction "
                    + testFraction + " must be ≥ 0 and > 0, summing to less than 1");
        }
        int nValidation = (int) Math.round(n * validationFraction);
        int nTest = (int) Math.round(n * testFraction);
        if (nTest == 0 || nValidation + nTest >= n) {
            throw new IllegalArgumentException("Splits.of: fractions " + validationFraction + " and " + testFraction
                    + " of " + n + " examples leave " + (nTest == 0 ? "the test" : "the training") + " part empty");
        }
        int[] order = permutation(n, seed);
        return new Splits(all.rows(Arrays.copyOfRange(order, nValidation + nTest, n)),
                all.rows(Arrays.copyOf(order, nValidation)),
                all.rows(Arrays.copyOfRange(order, nValidation, nValidation + nTest)));
    }

    /** A uniformly random permutation of 0..n-1: Fisher–Yates with a {@link SplittableRandom} seeded by {@code seed}. */
    public static int[] permutation(int n, long seed) {
        if (n < 0) {
            throw new IllegalArgumentException("Splits.permutation: n " + n + " must be ≥ 0");
        }
        SplittableRandom random = new SplittableRandom(seed);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }

    /**
     * The training part standardized by its own statistics and the other parts by the same
     * {@link Standardizer}: {@code Standardizer.fit(train)} applied to all three.
     */
    public Splits standardized() {
        Standardizer s = Standardizer.fit(train);
        return new Splits(s.apply(train), validation.size() == 0 ? validation : s.apply(validation), s.apply(test));
    }
}
