package org.adjoint.examples.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.adjoint.autodiff.Var;
import org.adjoint.core.Tensor;
import org.adjoint.examples.spark.SyntheticLogistic;
import org.adjoint.nn.layers.Affine;
import org.adjoint.optim.minimize.Evaluation;
import org.adjoint.optim.sharded.Partial;
import org.adjoint.optim.sharded.Partials;
import org.adjoint.optim.sharded.ShardLoss;
import org.adjoint.spark.Block;
import org.adjoint.spark.Columns;
import org.adjoint.spark.SparkObjective;
import org.adjoint.spark.ml.AdjointEstimator;
import org.adjoint.spark.ml.AdjointModel;
import org.adjoint.spark.ml.Loss;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Logistic regression on Spark, 10⁶ rows × 20 features ({@link SyntheticLogistic}, generated inside the
 * partitions and cached once per trial), in one warm JVM per master:
 * <ul>
 *   <li>{@code adjointFit}: the whole {@link AdjointEstimator} fit (L-BFGS, {@code Loss.logistic()},
 *       regParam 0, tol {@link #ADJOINT_TOL}) from the cached DataFrame, blocks read and cached included;</li>
 *   <li>{@code mllibFit}: MLlib's {@code LogisticRegression} on the same DataFrame (regParam 0, no
 *       standardization, tol {@code mllibTol}); setup fits both once and prints their mean objectives and
 *       the relative gap, which must be ≤ 1e-8 for the comparison to count;</li>
 *   <li>{@code sparkPass}: one distributed value + gradient ({@link SparkObjective#evaluate});</li>
 *   <li>{@code localPass}: the same blocks held in this JVM, evaluated by as many threads as the master
 *       has task slots (one block per task, as Spark runs them) and added in order ({@link Partials}):
 *       the same computation without Spark. Spark's overhead per pass = sparkPass − localPass;</li>
 *   <li>{@code sparkEmptyPass}: a pass whose loss costs nothing: Spark's fixed cost per job (schedule,
 *       ship θ, collect the partials), the part the driver and the scheduler take.</li>
 * </ul>
 * The forks run with {@code adjoint.threads=1}, so that Adjoint's kernel helpers do not compete with
 * Spark's task slots for the cores, and with the Vector API module, which {@code spark-submit} adds to
 * every Spark JVM (Adjoint's kernels and MLlib's BLAS use it). Heap: 6 GB, pre-touched (see BUILD-NOTES).
 * JMH forks one JVM per method and master: each fork generates the same rows in the same partitions. Run it alone with
 * {@link SparkBenchmarks} or through {@code Benchmarks --only=adjointFit|mllibFit|sparkPass|localPass|sparkEmptyPass}.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g", "-XX:+AlwaysPreTouch", "-Dadjoint.threads=1",
        "--add-modules=jdk.incubator.vector",
        "--add-opens=java.base/java.io=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED",
        "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED", "--add-opens=java.base/java.util=ALL-UNNAMED",
        "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED"})
public class SparkFitBenchmark {

    /** The features per row. */
    static final int D = 20;
    /** The estimator's tolerance: ‖∇F‖ ≤ 1e-7 on the mean objective. */
    static final double ADJOINT_TOL = 1e-7;

    /** The Spark master: the scaling from one task slot to two. */
    @Param({"local[2]", "local[1]"})
    public String master;

    /** The rows generated. */
    @Param({"1000000"})
    public int rows;

    /** The partitions, the same for every master. */
    @Param({"4"})
    public int partitions;

    /** MLlib's tolerance (its default 1e-6 stops early; setup checks the objectives agree to 1e-8). */
    @Param({"1e-10"})
    public double mllibTol;

    private SparkSession spark;
    private Dataset<Row> data;
    private SparkObjective<Block> objective;
    private SparkObjective<Block> empty;
    private List<Block> blocks;
    private ExecutorService slots;
    private Tensor theta;

    /**
     * For the fits, generates and caches the data, fits both once (a warm-up) and prints whether they
     * agree; for the passes, builds the objective (which caches its own blocks) or the local blocks.
     */
    @Setup(Level.Trial)
    public void setUp(BenchmarkParams benchmark) throws Exception {
        spark = SparkSession.builder().master(master).appName("adjoint-spark-benchmark")
                .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1").getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        String method = benchmark.getBenchmark().substring(benchmark.getBenchmark().lastIndexOf('.') + 1);
        data = SyntheticLogistic.rows(spark, rows, partitions, D, 1);
        if (method.endsWith("Fit")) {
            data = data.cache(); // both fits read it; a pass reads only the objective's cached blocks
            data.count();
        }
        Columns columns = Columns.defaults().withClasses(2);
        theta = Tensor.randomNormal(7, D + 1).mul(0.1);
        switch (method) {
            case "adjointFit", "mllibFit" -> {
                objective = SparkObjective.fromDataset(data, columns, logisticLoss(D));
                checkTheFitsAgree();
            }
            case "sparkPass" -> objective = SparkObjective.fromDataset(data, columns, logisticLoss(D));
            case "sparkEmptyPass" -> empty = SparkObjective.fromDataset(data, columns,
                    (t, b) -> t.slice(0, 0, 1).sum().mul(0.0));
            case "localPass" -> {
                blocks = localBlocks(spark, rows, partitions);
                slots = Executors.newFixedThreadPool(spark.sparkContext().defaultParallelism());
            }
            default -> throw new IllegalStateException("SparkFitBenchmark: unknown method " + method);
        }
    }

    /** Stops Spark and the local threads. */
    @TearDown(Level.Trial)
    public void tearDown() {
        if (slots != null) {
            slots.shutdownNow();
        }
        spark.stop();
    }

    /** (a) The whole Adjoint fit. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 1)
    @Measurement(iterations = 5)
    public AdjointModel adjointFit() {
        return adjoint().fit(data);
    }

    /** (b) The whole MLlib fit. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 1)
    @Measurement(iterations = 5)
    public LogisticRegressionModel mllibFit() {
        return mllib().fit(data);
    }

    /** (c) One distributed value and gradient. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 10, time = 2)
    @Measurement(iterations = 5, time = 2)
    public Evaluation sparkPass() {
        return objective.evaluate(theta);
    }

    /** (d) The same value and gradient over the same blocks in this JVM, one thread per task slot. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 10, time = 2)
    @Measurement(iterations = 5, time = 2)
    public Partial localPass() throws Exception {
        double[] x = theta.toArray();
        ShardLoss<Block> loss = logisticLoss(D);
        List<Future<Partial>> parts = new ArrayList<>();
        for (Block b : blocks) {
            parts.add(slots.submit(() -> Partials.valueAndGradient(loss, b, x)));
        }
        List<Partial> done = new ArrayList<>();
        for (Future<Partial> f : parts) {
            done.add(f.get());
        }
        return Partials.sumInOrder(done);
    }

    /** (e) A pass that computes nothing: Spark's fixed cost per evaluation. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 10, time = 2)
    @Measurement(iterations = 5, time = 2)
    public Evaluation sparkEmptyPass() {
        return empty.evaluate(theta);
    }

    AdjointEstimator adjoint() {
        return new AdjointEstimator(() -> new Affine(D, 1), Loss.logistic()).setTol(ADJOINT_TOL).setMaxIter(1000);
    }

    LogisticRegression mllib() {
        return new LogisticRegression().setRegParam(0).setStandardization(false).setTol(mllibTol).setMaxIter(1000);
    }

    /** Σᵢ log(1 + exp(zᵢ)) − yᵢ·zᵢ with zᵢ = xᵢ·w + b and θ = (w, b): what Loss.logistic() sums for Affine(d, 1). */
    static ShardLoss<Block> logisticLoss(int d) {
        return (t, block) -> {
            Var z = Var.constant(block.features()).matmul(t.slice(0, 0, d)).add(t.slice(0, d, d + 1));
            Var softplus = z.relu().add(z.abs().neg().exp().add(1).log());
            return softplus.sub(Var.constant(block.labels()).mul(z)).sum();
        };
    }

    /** Fits both once (a warm-up too) and prints their mean objectives F = f/N at their solutions. */
    private void checkTheFitsAgree() {
        double n = rows;
        AdjointModel ours = adjoint().fit(data);
        LogisticRegressionModel theirs = mllib().fit(data);
        double fOurs = objective.value(ours.parameters().flatten()) / n;
        double[] t = new double[D + 1];
        System.arraycopy(theirs.coefficients().toArray(), 0, t, 0, D);
        t[D] = theirs.intercept();
        double fTheirs = objective.value(Tensor.vector(t)) / n;
        double gap = (fOurs - fTheirs) / fTheirs;
        System.out.printf(Locale.ROOT, "%n[%s] mean objective: Adjoint %.15f (%d iterations), MLlib %.15f (%d iterations), "
                        + "relative gap %.2e: %s%n", master, fOurs, ours.summary().orElseThrow().iterations(), fTheirs,
                theirs.summary().totalIterations(), gap, Math.abs(gap) <= 1e-8 ? "within 1e-8" : "NOT within 1e-8");
    }

    /**
     * The rows of each of the DataFrame's partitions as blocks in this JVM, generated here from the same
     * (seed, row index) as {@link SyntheticLogistic#rows}; a small job reads which row indices each
     * partition of {@code spark.range} holds, so the blocks are the same rows in the same partitions.
     */
    private static List<Block> localBlocks(SparkSession spark, long rows, int partitions) {
        List<long[]> ranges = spark.range(0, rows, 1, partitions).javaRDD()
                .mapPartitions(it -> {
                    long first = -1;
                    long count = 0;
                    while (it.hasNext()) {
                        long i = it.next();
                        first = count == 0 ? i : first;
                        count++;
                    }
                    return List.of(new long[] {first, count}).iterator();
                }).collect();
        List<Block> out = new ArrayList<>();
        for (long[] range : ranges) {
            int n = Math.toIntExact(range[1]);
            double[] x = new double[n * D];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                Row row = SyntheticLogistic.row(range[0] + i, D, 1);
                System.arraycopy(((Vector) row.get(0)).toArray(), 0, x, i * D, D);
                y[i] = row.getDouble(1);
            }
            if (n > 0) {
                out.add(new Block(Tensor.of(org.adjoint.core.Shape.of(n, D), x), Tensor.vector(y)));
            }
        }
        return out;
    }
}
