package org.adjoint.optim.sharded;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.IntFunction;
import org.adjoint.autodiff.Derivatives;
import org.adjoint.autodiff.Var;
import org.adjoint.autodiff.VarFunction;
import org.adjoint.core.Shape;
import org.adjoint.core.Tensor;
import org.adjoint.optim.minimize.Evaluation;
import org.adjoint.optim.minimize.Objective;

/**
 * A sum over data as an {@link Objective}: f(θ) = Σₛ fₛ(θ) + r(θ), with fₛ a {@link ShardLoss} over
 * the shards held in this JVM and r an optional regularizer evaluated once. Shards are evaluated on
 * up to {@link #threads()} threads ({@link ShardRunner}) and added with
 * {@link Partials#sumInOrder} in shard order, the regularizer last. Every minimizer that takes an
 * objective can use it: L-BFGS and BFGS read values and gradients, Newton-CG and trust-region Newton
 * Hessian-vector products (the sum of the shards'), Newton the Hessian (the sum of the shards'
 * Hessians, each from {@link Derivatives#hessian}: one recorded gradient and n backward sweeps per
 * shard, cheaper than n Hessian-vector products that would record the graph n times).
 *
 * <pre>{@code
 * ShardLoss<Block> logistic = (theta, b) -> ...;              // summed over the block's rows
 * Objective f = ShardedObjective.of(logistic, blocks, 21)
 *         .withRegularizer(theta -> theta.square().sum().mul(0.5 * lambda));
 * MinimizationResult fit = Lbfgs.withMemory(10).minimize(f, Tensor.zeros(21));
 * }</pre>
 *
 * <p><b>The promise: same shards, same order → same bits.</b> Each shard's partial is computed by
 * {@link Partials} exactly as {@code Objective.of} computes a function's, and partials are added in
 * shard order, so value, gradient, Hessian-vector product and Hessian are bit-identical whatever the
 * number of threads and from call to call; with one shard and no regularizer they are the bits of
 * {@code Objective.of(theta -> loss.loss(theta, shard))}. Splitting the same data into other shards
 * changes only the rounding of the sum.
 *
 * <p>Threads: the default is {@link #DEFAULT_THREADS} (1, every shard on the calling thread), because
 * Adjoint's kernels already split a large shard's products over every core (core's parallel loops,
 * {@code adjoint.threads}), and a second shard thread on top of them bought little on the 2-core
 * development machine: with 8 shards of 25,000 rows × 20 features, one gradient took 35.5 ms on one
 * shard thread and 33.8 ms on two for logistic regression, 104 and 101 ms for a 20-16-1 tanh MLP
 * (fastest of 7 rounds, other builds running); with the kernels on one thread
 * ({@code -Dadjoint.threads=1}) two shard threads did help (55 → 43 ms) but stayed slower than the
 * kernels' own threads. More shard threads pay off when shards are small (kernels too small to be
 * split) and cores are many; the results do not depend on the choice.
 *
 * <p>Immutable and safe to share between threads.
 *
 * @param <S> the shard type
 */
public final class ShardedObjective<S> implements Objective {

    /** Shard threads unless {@link #withThreads} says otherwise: the caller alone. */
    public static final int DEFAULT_THREADS = 1;

    private final ShardLoss<S> loss;
    private final List<S> shards;
    private final int dimension;
    private final VarFunction regularizer;
    private final int threads;

    private ShardedObjective(ShardLoss<S> loss, List<S> shards, int dimension, VarFunction regularizer, int threads) {
        this.loss = loss;
        this.shards = shards;
        this.dimension = dimension;
        this.regularizer = regularizer;
        this.threads = threads;
    }

    /**
     * f(θ) = Σₛ {@code loss}(θ, shardₛ) over θ of {@code dimension} components, on
     * {@link #DEFAULT_THREADS} thread.
     *
     * @throws IllegalArgumentException if there are no shards or the dimension is less than 1
     */
    public static <S> ShardedObjective<S> of(ShardLoss<S> loss, List<S> shards, int dimension) {
        Objects.requireNonNull(loss, "loss");
        if (shards.isEmpty()) {
            throw new IllegalArgumentException("ShardedObjective: no shards; a sum over data needs at least one shard");
        }
        if (dimension < 1) {
            throw new IllegalArgumentException("ShardedObjective: θ must have at least 1 component, got dimension " + dimension);
        }
        List<S> copy = List.copyOf(shards);
        return new ShardedObjective<>(loss, copy, dimension, null, DEFAULT_THREADS);
    }

    /** The same objective plus r(θ), evaluated once per call and added after the ordered shard sum. */
    public ShardedObjective<S> withRegularizer(VarFunction r) {
        return new ShardedObjective<>(loss, shards, dimension, Objects.requireNonNull(r, "regularizer"), threads);
    }

    /**
     * The same objective evaluating shards on up to {@code n} threads, the caller included; the
     * results are the same bits for every n.
     *
     * @throws IllegalArgumentException if n is less than 1
     */
    public ShardedObjective<S> withThreads(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("ShardedObjective.withThreads: need at least 1 thread, got " + n);
        }
        return new ShardedObjective<>(loss, shards, dimension, regularizer, n);
    }

    /** The number of components of θ. */
    public int dimension() {
        return dimension;
    }

    /** The number of shards. */
    public int shardCount() {
        return shards.size();
    }

    /** The threads shards are evaluated on, the caller included. */
    public int threads() {
        return threads;
    }

    @Override
    public double value(Tensor x) {
        double[] theta = theta("value", x);
        List<Partial> parts = eachShard(s -> {
            return new Partial(Partials.value(loss, shards.get(s), theta), new double[0]);
        });
        if (regularizer != null) {
            parts.add(new Partial(regularizerValue(x), new double[0]));
        }
        return Partials.sumInOrder(parts).value();
    }

    @Override
    public Evaluation evaluate(Tensor x) {
        double[] theta = theta("evaluate", x);
        List<Partial> parts = eachShard(s -> Partials.valueAndGradient(loss, shards.get(s), theta));
        if (regularizer != null) {
            Derivatives.ValueAndGradient vg = Derivatives.valueAndGrad(regularizer, x);
            parts.add(new Partial(vg.value(), vg.gradient().toArray()));
        }
        Partial sum = Partials.sumInOrder(parts);
        return new Evaluation(sum.value(), Tensor.vector(sum.vector()));
    }

    @Override
    public Tensor hessianVector(Tensor x, Tensor v) {
        double[] theta = theta("hessianVector", x);
        double[] direction = vector("hessianVector", "the direction v", v);
        List<Partial> parts = eachShard(s -> Partials.hessianVector(loss, shards.get(s), theta, direction));
        if (regularizer != null) {
            parts.add(new Partial(Double.NaN, Derivatives.hvp(regularizer, x, v).toArray()));
        }
        return Tensor.vector(Partials.sumInOrder(parts).vector());
    }

    @Override
    public Tensor hessian(Tensor x) {
        Tensor at = Tensor.vector(theta("hessian", x));
        List<Partial> parts = eachShard(s -> {
            S shard = shards.get(s);
            return new Partial(Double.NaN, Derivatives.hessian(t -> loss.loss(t, shard), at).toArray());
        });
        if (regularizer != null) {
            parts.add(new Partial(Double.NaN, Derivatives.hessian(regularizer, x).toArray()));
        }
        return Tensor.of(Shape.of(dimension, dimension), Partials.sumInOrder(parts).vector());
    }

    private List<Partial> eachShard(IntFunction<Partial> work) {
        return ShardRunner.map(shards.size(), threads, s -> {
            try {
                return work.apply(s);
            } catch (ShardFailureException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new ShardFailureException(s, "shard " + s + " of " + shards.size() + ": the loss failed: "
                        + (e.getMessage() == null ? e.toString() : e.getMessage()), e);
            }
        });
    }

    private double regularizerValue(Tensor x) {
        Var r = regularizer.apply(Var.constant(x));
        if (r.value().size() != 1) {
            throw new IllegalArgumentException("ShardedObjective: the regularizer must return a scalar but returned shape "
                    + r.shape());
        }
        return r.item();
    }

    private double[] theta(String op, Tensor x) {
        return vector(op, "θ", x);
    }

    private double[] vector(String op, String what, Tensor x) {
        if (x.rank() != 1 || x.size() != dimension) {
            throw new IllegalArgumentException("ShardedObjective." + op + ": " + what + " must be a vector of " + dimension
                    + " components (the objective's dimension) but has shape " + x.shape() + " (" + x.size()
                    + " components)");
        }
        return x.toArray();
    }

    @Override
    public String toString() {
        return "ShardedObjective[" + shards.size() + " shards, dimension " + dimension + ", " + threads + " thread"
                + (threads == 1 ? "" : "s") + (regularizer == null ? "" : ", regularized") + "]";
    }
}
