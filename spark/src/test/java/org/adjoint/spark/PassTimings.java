package org.adjoint.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.adjoint.core.NamedTensors;
import org.adjoint.optim.Optimizer;
import org.adjoint.optim.rules.Adam;
import org.adjoint.core.Tensor;
import org.adjoint.optim.minimize.MinimizationResult;
import org.adjoint.optim.minimize.Stopping;
import org.adjoint.optim.minimize.quasinewton.Lbfgs;
import org.adjoint.optim.sharded.Partial;
import org.adjoint.optim.sharded.Partials;
import org.adjoint.optim.sharded.ShardLoss;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Not a test: measures a distributed pass, the same computation in this JVM, and an L-BFGS fit.
 * {@code java -Dadjoint.threads=1 ... org.adjoint.spark.PassTimings local[2] 200000 20 4} (see the report).
 */
public final class PassTimings {

    private PassTimings() {
    }

    public static void main(String[] args) {
        String master = args[0];
        int n = Integer.parseInt(args[1]);
        int d = Integer.parseInt(args[2]);
        int partitions = Integer.parseInt(args[3]);
        SparkSession spark = TestSpark.session(master);
        Dataset<Row> data = TestSpark.logistic(spark, n, partitions, d, 1);
        ShardLoss<Block> loss = TestSpark.logisticLoss(d);
        Tensor theta = Tensor.randomNormal(3, d + 1).mul(0.1);
        long t0 = System.nanoTime();
        try (SparkObjective<Block> f = SparkObjective.fromDataset(data, Columns.defaults(), loss)) {
            System.out.printf("threads=%s master=%s n=%d d=%d P=%d: read and cache %.0f ms%n",
                    System.getProperty("adjoint.threads", "default"), master, n, d, partitions, ms(t0));
            for (int i = 0; i < 10; i++) {
                f.evaluate(theta);
            }
            int passes = 30;
            long t1 = System.nanoTime();
            for (int i = 0; i < passes; i++) {
                f.evaluate(theta);
            }
            System.out.printf("  distributed pass (value+gradient): %.1f ms%n", ms(t1) / passes);
            List<Block> blocks = TestSpark.localBlocks(data, Columns.defaults());
            for (int i = 0; i < 10; i++) {
                local(loss, blocks, theta);
            }
            long t2 = System.nanoTime();
            for (int i = 0; i < passes; i++) {
                local(loss, blocks, theta);
            }
            System.out.printf("  same blocks in one JVM, on the driver thread: %.1f ms%n", ms(t2) / passes);
            long t3 = System.nanoTime();
            MinimizationResult fit = Lbfgs.withMemory(10).minimize(f, Tensor.zeros(d + 1),
                    Stopping.defaults().withGradientTolerance(1e-6 * n));
            System.out.printf("  L-BFGS fit: %.0f ms, %d iterations, %d passes, f/N = %.10f%n", ms(t3), fit.iterations(),
                    fit.evaluations().gradients(), fit.value() / n);
            NamedTensors init = NamedTensors.of(Map.of("theta", Tensor.zeros(d + 1)));
            for (double fraction : new double[] {0.01, 1}) {
                SparkMinibatch sgd = new SparkMinibatch(Optimizer.of(new Adam(0.01)), fraction, 1);
                sgd.train(f, init, 5);
                long t4 = System.nanoTime();
                sgd.train(f, init, 20);
                System.out.printf("  minibatch Adam step, fraction %.2f: %.1f ms%n", fraction, ms(t4) / 20);
            }
            SparkModelAveraging averaging = new SparkModelAveraging(0.1, 10, 0.01, 1);
            averaging.train(f, Tensor.zeros(d + 1), 2);
            long t5 = System.nanoTime();
            Tensor averaged = averaging.train(f, Tensor.zeros(d + 1), 10);
            System.out.printf("  model averaging round (10 local steps, fraction 0.01): %.1f ms; f/N after 10 rounds %.10f%n",
                    ms(t5) / 10, f.value(averaged) / n);
        }
        spark.stop();
    }

    private static Partial local(ShardLoss<Block> loss, List<Block> blocks, Tensor theta) {
        List<Partial> partials = new ArrayList<>();
        for (Block b : blocks) {
            partials.add(Partials.valueAndGradient(loss, b, theta.toArray()));
        }
        return Partials.sumInOrder(partials);
    }

    private static double ms(long since) {
        return (System.nanoTime() - since) / 1e6;
    }
}
