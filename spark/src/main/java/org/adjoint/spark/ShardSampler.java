package org.adjoint.spark;

import java.io.Serializable;

/**
 * Selects some rows of a shard, for minibatch steps: {@code (shard, indices) → the shard of those
 * rows}. {@link Block#select} is the one for blocks. Shipped to the executors, so serializable.
 *
 * @param <S> the shard type
 */
@FunctionalInterface
public interface ShardSampler<S> extends Serializable {

    /** The shard of the rows at {@code indices} (increasing, never empty). */
    S select(S shard, int[] indices);
}
