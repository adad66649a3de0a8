package org.adjoint.spark;

import java.util.Objects;
import org.adjoint.core.Tensor;

/**
 * The rows of one partition as one block, built inside the task that reads the partition: a matrix
 * of features (one row per data row) and the vector of their labels. A shard loss reads the whole
 * block at once ({@code Var.constant(block.features()).matmul(w)}), not row by row.
 *
 * <p>Blocks hold tensors, which are not {@code Serializable}: they live only in the executors' memory
 * (cached deserialized) and never cross the network.
 *
 * @param features an n × d matrix, row i the features of the partition's row i
 * @param labels   a vector of n labels, in the same order
 */
public record Block(Tensor features, Tensor labels) {

    /** Checks that there is one label per row of features. */
    public Block {
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(labels, "labels");
        if (features.shape().rank() != 2 || labels.shape().rank() != 1
                || labels.shape().dim(0) != features.shape().dim(0)) {
            throw new IllegalArgumentException("Block: features must be an n × d matrix and labels a vector of n, got "
                    + features.shape() + " and " + labels.shape());
        }
    }

    /** n, the number of rows. */
    public int rows() {
        return features.shape().dim(0);
    }

    /** d, the number of features per row. */
    public int width() {
        return features.shape().dim(1);
    }

    /** The block of the rows at {@code indices}, in that order (a minibatch of this block). */
    public Block select(int[] indices) {
        return new Block(features.take(0, indices), labels.take(0, indices));
    }
}
