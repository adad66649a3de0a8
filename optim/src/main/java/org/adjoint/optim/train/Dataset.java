package org.adjoint.optim.train;

/**
 * A fixed collection of examples that a {@link Trainer} reads in minibatches.
 *
 * @param <B> the type of a batch, handed to the {@link BatchLoss}
 */
public interface Dataset<B> {

    /** The number of examples. */
    int size();

    /** The examples at {@code indices}, in that order. */
    B batch(int[] indices);

    /**
     * Where the examples at {@code indices} hold a NaN or infinite value, as a phrase such as
     * {@code "inputs[17, 2] = NaN (row 4 of the batch)"}, or null if they hold none (or this dataset
     * cannot tell, the default). The {@link Trainer} asks when a batch's loss or gradient is not finite,
     * to report bad data as such rather than as a diverging run.
     */
    default String nonFinite(int[] indices) {
        return null;
    }
}
