package org.adjoint.core.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Seeded minibatches of examples: epoch e visits every example once, in the order of
 * {@link Splits#permutation}{@code (n, seed + e)}, cut into batches of {@code batchSize} (the last
 * may be smaller). The same seed and epoch always give the same batches.
 *
 * @param examples the examples to draw from
 * @param batchSize the examples per batch
 * @param seed the seed of epoch 0
 */
public record Minibatches(Examples examples, int batchSize, long seed) {

    /** Checks the batch size. */
    public Minibatches {
        Objects.requireNonNull(examples, "examples");
        if (batchSize < 1) {
            throw new IllegalArgumentException("Minibatches: batchSize " + batchSize + " must be ≥ 1");
        }
    }

    /** The number of batches in an epoch. */
    public int count() {
        return (examples.size() + batchSize - 1) / batchSize;
    }

    /** The batches of epoch {@code epoch}, each a subset of the examples. */
    public List<Examples> epoch(int epoch) {
        List<Examples> batches = new ArrayList<>();
        for (int[] indices : indices(epoch)) {
            batches.add(examples.rows(indices));
        }
        return batches;
    }

    /** The example indices of each batch of epoch {@code epoch}. */
    public List<int[]> indices(int epoch) {
        if (epoch < 0) {
            throw new IllegalArgumentException("Minibatches.indices: epoch " + epoch + " must be ≥ 0");
        }
        int[] order = Splits.permutation(examples.size(), seed + epoch);
        List<int[]> batches = new ArrayList<>();
        for (int from = 0; from < order.length; from += batchSize) {
            batches.add(Arrays.copyOfRange(order, from, Math.min(order.length, from + batchSize)));
        }
        return batches;
    }
}
