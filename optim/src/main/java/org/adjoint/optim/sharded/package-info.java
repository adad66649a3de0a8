/**
 * Objectives that are sums over data, f(θ) = Σₛ fₛ(θ) (+ a regularizer evaluated once), evaluated
 * shard by shard and added up in a fixed order: {@link org.adjoint.optim.sharded.ShardLoss} (one
 * shard's summed loss, serializable so that engines can ship it), {@link
 * org.adjoint.optim.sharded.Partial} and {@link org.adjoint.optim.sharded.Partials} (one shard's
 * value and gradient or Hessian-vector product, and their ordered sum), and the local engine
 * {@link org.adjoint.optim.sharded.ShardedObjective}, which evaluates shards on the JVM's own threads
 * ({@link org.adjoint.optim.sharded.ShardRunner}) and is an {@link org.adjoint.optim.minimize.Objective}
 * for every minimizer; a failing shard is reported by a {@link
 * org.adjoint.optim.sharded.ShardFailureException} naming its index. {@link
 * org.adjoint.optim.sharded.FlatLayout} is a model's parameter layout as a serializable value, so that
 * a shard loss can fit any model over the flat θ. The {@code spark} module evaluates the same shard
 * losses on a cluster.
 *
 * <p>The promise: for the same shards in the same order, the value, gradient and Hessian-vector
 * product are the same bits whatever the number of threads, the order in which shards finish, or
 * retries of failed work.
 */
package org.adjoint.optim.sharded;
