package org.adjoint.optim.train;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Splits {@code size} examples into minibatches, reshuffled every epoch from a seed: batch size 1 is
 * stochastic gradient descent, batch size {@code size} full-batch gradient descent. Every example is in
 * exactly one batch of an epoch; a last partial batch is kept or, with {@code dropLast}, left out. The
 * order of epoch e depends only on the seed and e, so a run resumed at epoch e sees the same batches.
 *
 * <p>A batch size larger than the data gives, as PyTorch's {@code DataLoader(drop_last=False)} does,
 * one short batch of all the examples each epoch; with {@code dropLast} it would leave no batch at all
 * (PyTorch then silently trains on nothing), so it is refused.
 *
 * @param size      the number of examples
 * @param batchSize examples per batch
 * @param seed      the shuffling seed
 * @param dropLast  whether a last batch smaller than {@code batchSize} is left out
 */
public record MinibatchSampler(int size, int batchSize, long seed, boolean dropLast) {

    /**
     * Validates the sizes.
     *
     * @throws IllegalArgumentException if there are no examples, the batch size is below 1, or the
     *                                  batch size exceeds the data while the partial batch is dropped
     */
    public MinibatchSampler {
        if (size < 1 || batchSize < 1) {
            throw new IllegalArgumentException("MinibatchSampler: batch size " + batchSize + " for " + size
                    + " examples; need at least 1 example and a batch size of at least 1");
        }
        if (dropLast && batchSize > size) {
            throw new IllegalArgumentException("MinibatchSampler: batch size " + batchSize + " for " + size
                    + " examples with the last partial batch dropped leaves no batch; keep the partial batch or use"
                    + " a batch size of at most " + size);
        }
    }

    /** The number of batches in each epoch. */
    public int batchesPerEpoch() {
        return size / batchSize + (dropLast || size % batchSize == 0 ? 0 : 1);
    }

    /** The batches of epoch {@code epoch} (counted from 0): example indices, in order. */
    public int[][] batches(long epoch) {
        int[] order = permutation(epoch);
        int[][] batches = new int[batchesPerEpoch()][];
        for (int b = 0; b < batches.length; b++) {
            int from = b * batchSize;
            batches[b] = Arrays.copyOfRange(order, from, from + Math.min(size - from, batchSize));
        }
        return batches;
    }

    /** A Fisher–Yates shuffle driven by a generator split off the seed for this epoch. */
    private int[] permutation(long epoch) {
        SplittableRandom random = new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (epoch + 1)));
        int[] order = new int[size];
        Arrays.setAll(order, i -> i);
        for (int i = size - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }
}
