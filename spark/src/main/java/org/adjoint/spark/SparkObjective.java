package org.adjoint.spark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import org.adjoint.autodiff.Derivatives;
import org.adjoint.autodiff.VarFunction;
import org.adjoint.core.Tensor;
import org.adjoint.optim.minimize.Evaluation;
import org.adjoint.optim.minimize.Objective;
import org.adjoint.optim.sharded.Partial;
import org.adjoint.optim.sharded.Partials;
import org.adjoint.optim.sharded.ShardLoss;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import scala.Tuple2;

/**
 * f(θ) = Σₚ fₚ(θ) + r(θ): a {@link ShardLoss} summed over the partitions of a cached distributed
 * dataset, plus an optional regularizer r evaluated once on the driver, as an {@link Objective} that
 * every minimizer (L-BFGS, BFGS, Newton-CG, trust region) runs on a cluster.
 *
 * <pre>{@code
 * ShardLoss<Block> logistic = (theta, b) -> { ... summed loss of the block's rows ... };
 * try (SparkObjective<Block> f = SparkObjective.fromDataset(df, Columns.defaults().withClasses(2), logistic)) {
 *     MinimizationResult fit = Lbfgs.withMemory(10).minimize(f, Tensor.zeros(d + 1), Stopping.defaults());
 * }
 * }</pre>
 *
 * <p><b>One pass per evaluation.</b> θ (and v for a Hessian-vector product) is shipped as a plain
 * {@code double[]} (inside the task closure up to 2¹⁵ components, as a Spark broadcast beyond); each
 * partition evaluates its cached shard as one block through the loss ({@link Partials}, the same code
 * as a single-JVM objective) and returns one {@link Partial}; the driver adds the partials in
 * partition-index order ({@link Partials#sumInOrder}), then r. Only θ and vectors of θ's length cross
 * the network; the data is read and cached once, when the objective is built, by a job that also
 * checks every row.
 *
 * <p><b>Determinism.</b> For the same data in the same partitioning, values, gradients and
 * Hessian-vector products are the same bits on every run, with any number of executors or task slots,
 * and after task retries (Spark's {@code treeAggregate} and {@code fold} are not: they add results in
 * the order tasks finish).
 *
 * <p><b>Data.</b> Generate or read the data inside partitions ({@code spark.range(n, partitions)} and
 * a map, or a file source). {@code parallelize} of a large local list ships each partition's slice
 * inside every task of every pass, even when cached.
 *
 * <p><b>Errors.</b> A bad row (NaN or infinite feature, another number of features, a missing or
 * non-finite label, a label that is not a declared class), an empty dataset, a missing column, or a
 * loss that throws: an {@link IllegalArgumentException} (or {@link IllegalStateException}) naming the
 * partition and the row or the column, with the task's exception as its cause; the objective is
 * unchanged after a failed evaluation. Not thread-safe: one driver thread evaluates at a time.
 *
 * @param <S> the shard type the loss reads
 */
public final class SparkObjective<S> implements Objective, AutoCloseable {

    private final JavaRDD<Shard<S>> shards;
    private final long rows;
    private final ShardLoss<S> loss;
    private final VarFunction regularizer;
    private final ShardSampler<S> sampler;
    private long passes;

    private SparkObjective(Shards.Checked<S> data, ShardLoss<S> loss, VarFunction regularizer,
                           ShardSampler<S> sampler) {
        this.shards = data.shards();
        this.rows = data.rows();
        this.loss = loss;
        this.regularizer = regularizer;
        this.sampler = sampler;
    }

    /**
     * The objective of {@code loss} over the rows of {@code data}, one {@link Block} per partition,
     * read and cached by one job that checks every row.
     *
     * @throws IllegalArgumentException if a column is missing or of the wrong type (before any job),
     *                                  the data has no rows, or a row is bad (naming its partition and row)
     */
    public static SparkObjective<Block> fromDataset(Dataset<Row> data, Columns columns, ShardLoss<Block> loss) {
        String op = "SparkObjective.fromDataset";
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(columns, "columns");
        Failures.requireSerializable(op, "shard loss", Objects.requireNonNull(loss, "loss"));
        return new SparkObjective<>(Shards.fromDataset(op, data, columns), loss, null, Block::select);
    }

    /**
     * The objective of {@code loss} over an RDD of the user's own rows, each non-empty partition decoded
     * into one shard by {@code decoder} inside its task, then cached.
     *
     * @throws IllegalArgumentException if the loss or decoder does not serialize, the RDD has no rows,
     *                                  or the decoder throws (naming the partition)
     */
    public static <T, S> SparkObjective<S> fromRdd(JavaRDD<T> rows, ShardDecoder<T, S> decoder, ShardLoss<S> loss) {
        String op = "SparkObjective.fromRdd";
        Objects.requireNonNull(rows, "rows");
        Objects.requireNonNull(decoder, "decoder");
        Failures.requireSerializable(op, "shard loss", Objects.requireNonNull(loss, "loss"));
        return new SparkObjective<>(Shards.fromRdd(op, rows, decoder), loss, null, null);
    }

    /** The same data and loss plus {@code r(θ)}, evaluated once per evaluation on the driver; passes counted anew. */
    public SparkObjective<S> withRegularizer(VarFunction r) {
        return new SparkObjective<>(checked(), loss, Objects.requireNonNull(r, "regularizer"), sampler);
    }

    /** The same objective with a way to select rows of a shard, for {@link #sampledMeanGradient}. */
    public SparkObjective<S> withSampler(ShardSampler<S> rowSelector) {
        return new SparkObjective<>(checked(), loss, regularizer, Objects.requireNonNull(rowSelector, "sampler"));
    }

    @Override
    public double value(Tensor x) {
        double[] theta = flat("value", x);
        Shipped b = ship(theta);
        Partial sum = pass("SparkObjective.value", ShardTasks.value(loss, b), b);
        return regularizer == null ? sum.value() : sum.value() + Objective.of(regularizer).value(x);
    }

    @Override
    public Evaluation evaluate(Tensor x) {
        double[] theta = flat("evaluate", x);
        Shipped b = ship(theta);
        Partial sum = pass("SparkObjective.evaluate", ShardTasks.valueAndGradient(loss, b), b);
        if (regularizer != null) {
            Derivatives.ValueAndGradient r = Derivatives.valueAndGrad(regularizer, x);
            sum = Partials.sumInOrder(List.of(sum, new Partial(r.value(), r.gradient().toArray())));
        }
        return new Evaluation(sum.value(), Tensor.vector(sum.vector()));
    }

    @Override
    public Tensor hessianVector(Tensor x, Tensor v) {
        double[] theta = flat("hessianVector", x);
        double[] direction = flat("hessianVector", v);
        if (direction.length != theta.length) {
            throw new IllegalArgumentException("SparkObjective.hessianVector: v has " + direction.length
                    + " components but x has " + theta.length);
        }
        Shipped bx = ship(theta);
        Shipped bv = ship(direction);
        Partial sum = pass("SparkObjective.hessianVector", ShardTasks.hessianVector(loss, bx, bv), bx, bv);
        if (regularizer != null) {
            Tensor r = Derivatives.hvp(regularizer, x, v);
            sum = Partials.sumInOrder(List.of(sum, new Partial(Double.NaN, r.toArray())));
        }
        return Tensor.vector(sum.vector());
    }

    /** ∇²f(x) is never formed on a cluster: use {@link #hessianVector} (Newton-CG, trust region). */
    @Override
    public Tensor hessian(Tensor x) {
        throw new UnsupportedOperationException("SparkObjective: the full Hessian is not formed on a cluster; "
                + "use a minimizer that needs Hessian-vector products only (NewtonCg, TrustRegionNewton)");
    }

    /**
     * One minibatch pass: the mean loss and its gradient over the rows that {@code sample} picks in
     * every partition, {@code (1/m) Σ_{picked} ℓᵢ(θ)}, plus {@code r(θ)/N} (N all rows) when there is a
     * regularizer, so that its expectation is the mean objective f(θ)/N.
     *
     * @throws IllegalStateException if no sampler was given ({@link #withSampler}) or no row was picked
     */
    Evaluation sampledMeanGradient(Tensor x, RowSample sample) {
        if (sampler == null) {
            throw new IllegalStateException("SparkObjective: minibatch steps need a ShardSampler (withSampler)");
        }
        double[] theta = flat("minibatch step", x);
        Shipped b = ship(theta);
        List<ShardTasks.Counted> parts = collect("SparkObjective minibatch step",
                ShardTasks.sampledGradient(loss, sampler, sample, b), b);
        long m = parts.stream().mapToLong(ShardTasks.Counted::rows).sum();
        if (m == 0) {
            throw new IllegalStateException("SparkObjective minibatch step " + sample.step() + ": the fraction "
                    + sample.fraction() + " picked no row");
        }
        Partial sum = Partials.sumInOrder(parts.stream().map(ShardTasks.Counted::partial).toList());
        Tensor g = Tensor.vector(sum.vector()).div(m);
        double value = sum.value() / m;
        if (regularizer != null) {
            Derivatives.ValueAndGradient r = Derivatives.valueAndGrad(regularizer, x);
            g = g.add(r.gradient().div(rows()));
            value += r.value() / rows();
        }
        return new Evaluation(value, g);
    }

    /**
     * One round of model averaging: every partition runs local SGD steps from x on its own rows, and
     * the driver averages the partitions' models weighted by their rows, in partition order.
     */
    Tensor averagedLocalSteps(Tensor x, ShardTasks.LocalSteps plan, long round) {
        if (sampler == null) {
            throw new IllegalStateException("SparkObjective: local steps need a ShardSampler (withSampler)");
        }
        Shipped b = ship(flat("model averaging", x));
        Partial sum = pass("SparkObjective model averaging", ShardTasks.localSteps(loss, sampler, b, plan, round), b);
        return Tensor.vector(sum.vector()).div(sum.value());
    }

    /** The distributed passes made by evaluations so far (failed ones are not counted). */
    public long passes() {
        return passes;
    }

    /** The number of partitions (an empty partition is no shard and adds nothing). */
    public int partitions() {
        return shards.getNumPartitions();
    }

    /** N, the number of rows in all shards (counted when the data were checked: no job). */
    public long rows() {
        return rows;
    }

    private Shards.Checked<S> checked() {
        return new Shards.Checked<>(shards, rows);
    }

    /** Unpersists the cached shards (asynchronously); the objective is no longer usable afterwards. */
    @Override
    public void close() {
        shards.unpersist(false);
    }

    private Partial pass(String operation, Function2<Integer, Iterator<Shard<S>>,
            Iterator<Tuple2<Integer, ShardTasks.Counted>>> task, Shipped... shipped) {
        return Partials.sumInOrder(collect(operation, task, shipped).stream().map(ShardTasks.Counted::partial).toList());
    }

    /**
     * Runs one pass and returns the partitions' results in partition-index order; the shipped vectors
     * are released afterwards, and nothing changes if the pass fails.
     */
    private List<ShardTasks.Counted> collect(String operation, Function2<Integer, Iterator<Shard<S>>,
            Iterator<Tuple2<Integer, ShardTasks.Counted>>> task, Shipped... shipped) {
        List<Tuple2<Integer, ShardTasks.Counted>> results;
        try {
            results = new ArrayList<>(shards.mapPartitionsWithIndex(task, true).collect());
        } catch (Exception e) {
            throw Failures.of(operation, e);
        } finally {
            for (Shipped v : shipped) {
                v.release();
            }
        }
        results.sort(Comparator.comparing(Tuple2::_1));
        passes++;
        return results.stream().map(Tuple2::_2).toList();
    }

    private Shipped ship(double[] values) {
        return Shipped.of(JavaSparkContext.fromSparkContext(shards.context()), values);
    }

    private static double[] flat(String operation, Tensor x) {
        if (x.shape().rank() != 1) {
            throw new IllegalArgumentException("SparkObjective." + operation + ": θ must be a vector (flat parameters), "
                    + "got shape " + x.shape());
        }
        return x.toArray();
    }
}
