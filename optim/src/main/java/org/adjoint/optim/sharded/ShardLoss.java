package org.adjoint.optim.sharded;

import java.io.Serializable;
import org.adjoint.autodiff.Var;

/**
 * fₛ(θ): the loss of one shard of data as a function of the flat parameter vector θ, written with
 * {@code Var} operations over the whole shard at once (a matrix of rows through the model, not row by
 * row), and <em>summed</em> over the shard's rows, not averaged, so that shards add up:
 * f(θ) = Σₛ fₛ(θ) (+ a regularizer evaluated once, see {@link ShardedObjective#withRegularizer}).
 *
 * <pre>{@code
 * // least squares: fₛ(θ) = Σᵢ (xᵢ·θ − yᵢ)² over the rows of the shard
 * ShardLoss<Block> leastSquares = (theta, block) ->
 *         Var.constant(block.features()).matmul(theta).sub(Var.constant(block.targets())).square().sum();
 * }</pre>
 *
 * <p>It is {@link Serializable} so that a distributed engine (the {@code spark} module) can ship it to
 * its workers: a lambda that captures only serializable values (numbers, arrays, strings, records of
 * those) is serializable when its target type is; one that captures a {@code Tensor} or {@code this}
 * is not, and the engine refuses it before any work starts.
 *
 * @param <S> the shard type: whatever block of rows the loss reads (built where it is evaluated)
 */
@FunctionalInterface
public interface ShardLoss<S> extends Serializable {

    /** The shard's summed loss at θ, a scalar. */
    Var loss(Var theta, S shard);
}
