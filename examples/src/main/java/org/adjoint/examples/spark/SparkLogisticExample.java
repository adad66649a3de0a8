package org.adjoint.examples.spark;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.adjoint.examples.Example;
import org.adjoint.examples.Options;
import org.adjoint.examples.Outcome;
import org.adjoint.examples.plot.LineChart;
import org.adjoint.nn.layers.Activation;
import org.adjoint.nn.layers.Affine;
import org.adjoint.nn.layers.Mlp;
import org.adjoint.spark.ml.AdjointEstimator;
import org.adjoint.spark.ml.AdjointModel;
import org.adjoint.spark.ml.FitSummary;
import org.adjoint.spark.ml.Loss;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Logistic regression and a small MLP fitted with L-BFGS on Apache Spark: 10⁶ rows × 20 features
 * generated inside the partitions from a seed (a known logistic model, {@link SyntheticLogistic}),
 * cached, and fitted through the Spark ML estimator; prints each fit's iterations, loss per iteration
 * and time per iteration, and plots the loss per iteration. Run it with
 * <pre>
 *   mvn -B -q -pl examples -am test-compile exec:java -Dexec.mainClass=org.adjoint.examples.spark.SparkLogisticExample \
 *       [-Dexec.args="--rows 1000000 --partitions 8 --master local[*]"]
 * </pre>
 * or with {@code spark-submit} on a cluster (see the README's "Fitting on Apache Spark").
 */
public final class SparkLogisticExample implements Example {

    /** Runs the example with {@code --name value} options; exits with status 2 on a bad option. */
    public static void main(String[] args) throws IOException {
        SparkLogisticExample example = new SparkLogisticExample();
        Options options;
        try {
            options = Options.parse(Arrays.asList(args));
            options.requireKnown(example);
        } catch (Options.UsageException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        System.out.print(example.run(options, System.out).summary());
    }

    @Override
    public String name() {
        return "spark-logistic";
    }

    @Override
    public String summary() {
        return "logistic regression and an MLP fitted with L-BFGS on Apache Spark (10^6 rows generated in partitions)";
    }

    @Override
    public List<Option> options() {
        return List.of(
                new Option("rows", "1000000", "rows generated"),
                new Option("features", "20", "features per row"),
                new Option("partitions", "8", "partitions (one block each)"),
                new Option("master", "local[*]", "Spark master (ignored under spark-submit, which sets it)"),
                new Option("hidden", "16", "the MLP's hidden width"),
                new Option("iterations", "100", "L-BFGS iterations at most, per fit"));
    }

    @Override
    public Outcome run(Options options, PrintStream out) throws IOException {
        int rows = options.positive("rows", 1_000_000);
        int d = options.positive("features", 20);
        int partitions = options.positive("partitions", 8);
        int hidden = options.positive("hidden", 16);
        int iterations = options.positive("iterations", 100);
        SparkSession spark = session(options.text("master", "local[*]"));
        spark.sparkContext().setLogLevel("WARN");
        Outcome outcome = new Outcome();
        try {
            long start = System.nanoTime();
            Dataset<Row> data = SyntheticLogistic.rows(spark, rows, partitions, d, options.seed()).cache();
            long count = data.count();
            out.printf(Locale.ROOT, "Generated and cached %d rows × %d features in %d partitions on %s in %.1f s%n",
                    count, d, partitions, spark.sparkContext().master(), (System.nanoTime() - start) / 1e9);
            AdjointEstimator logistic = new AdjointEstimator(() -> new Affine(d, 1), Loss.logistic())
                    .setMaxIter(iterations).setTol(1e-8).setSeed(options.seed());
            FitSummary lr = report("logistic regression", logistic.fit(data), out, outcome, d);
            AdjointEstimator mlp = new AdjointEstimator(() -> Mlp.of(Activation.RELU, d, hidden, 2),
                    Loss.softmaxCrossEntropy(2)).setMaxIter(iterations).setTol(1e-8).setSeed(options.seed());
            FitSummary net = report("MLP " + d + "-" + hidden + "-2", mlp.fit(data), out, outcome, -1);
            outcome.file(plot(options.out().resolve("spark-loss.png"), lr, net));
            data.unpersist();
        } finally {
            spark.stop();
        }
        return outcome;
    }

    /** A session on {@code master}, unless spark-submit chose the master already (then that one). */
    static SparkSession session(String master) {
        SparkSession.Builder builder = SparkSession.builder().appName("adjoint-spark-logistic");
        if (!new SparkConf().contains("spark.master")) {
            builder = builder.master(master).config("spark.ui.enabled", "false")
                    .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1");
        }
        return builder.getOrCreate();
    }

    /** Prints a fit's loss per iteration and its times; records its figures. d ≥ 0 also compares w with the truth. */
    private static FitSummary report(String name, AdjointModel model, PrintStream out, Outcome outcome, int d) {
        FitSummary fit = model.summary().orElseThrow();
        double[] history = fit.objectiveHistory();
        out.printf(Locale.ROOT, "%n%s: %s%n  iteration   mean loss%n", name, fit.reason());
        for (int k = 0; k < history.length; k++) {
            out.printf(Locale.ROOT, "  %9d   %.10f%n", k, history[k]);
        }
        double perIteration = fit.seconds() / Math.max(1, fit.iterations());
        out.printf(Locale.ROOT, "  %d iterations, %d passes over the data in %.2f s: %.1f ms per iteration, %.1f ms per pass%n",
                fit.iterations(), fit.passes(), fit.seconds(), 1e3 * perIteration, 1e3 * fit.seconds() / fit.passes());
        outcome.figure(name + " iterations", fit.iterations());
        outcome.figure(name + " initial loss", history[0]);
        outcome.figure(name + " final loss", fit.objective());
        outcome.figure(name + " ms per iteration", 1e3 * perIteration);
        if (d >= 0) {
            double[] w = model.parameters().get("weight").toArray();
            double error = 0;
            for (int j = 0; j < d; j++) {
                error = Math.max(error, Math.abs(w[j] - SyntheticLogistic.coefficient(j, d)));
            }
            out.printf(Locale.ROOT, "  largest |w − w_true| = %.4f%n", error);
            outcome.figure(name + " largest coefficient error", error);
        }
        return fit;
    }

    private static Path plot(Path file, FitSummary lr, FitSummary net) throws IOException {
        return LineChart.of("Mean loss per L-BFGS iteration on Spark", "iteration", "mean loss")
                .line("logistic regression", iterations(lr), lr.objectiveHistory())
                .line("MLP", iterations(net), net.objectiveHistory())
                .save(file, 800, 500);
    }

    private static double[] iterations(FitSummary fit) {
        double[] k = new double[fit.objectiveHistory().length];
        Arrays.setAll(k, i -> i);
        return k;
    }
}
