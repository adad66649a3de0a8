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
}
