package org.adjoint.spark;

/**
 * One partition's shard as cached on an executor: the partition's index, its number of rows, its
 * number of features (−1 when the shard type does not say) and the shard itself. Cached
 * deserialized, never sent over the network.
 */
record Shard<S>(int partition, int rows, int width, S data) {
}
