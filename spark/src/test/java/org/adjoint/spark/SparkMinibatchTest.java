package org.adjoint.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.adjoint.core.NamedTensors;
import org.adjoint.core.Tensor;
import org.adjoint.optim.Optimizer;
import org.adjoint.optim.minimize.Stopping;
import org.adjoint.optim.minimize.quasinewton.Lbfgs;
import org.adjoint.optim.rules.Adam;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Minibatch Adam on Spark: reproducible samples and steps, and it approaches the full-batch minimum. */
class SparkMinibatchTest {

    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = TestSpark.session("local[2]");
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void minibatchAdamIsReproducibleAndApproachesTheMinimum() {
        int d = 3;
        int n = 2_000;
        try (SparkObjective<Block> f = SparkObjective.fromDataset(TestSpark.logistic(spark, n, 3, d, 41),
                Columns.defaults(), TestSpark.logisticLoss(d))) {
            NamedTensors init = NamedTensors.of(Map.of("theta", Tensor.zeros(d + 1)));
            SparkMinibatch adam = new SparkMinibatch(Optimizer.of(new Adam(0.1)), 0.2, 7);
            SparkMinibatch.Run a = adam.train(f, init, 40);
            SparkMinibatch.Run b = adam.train(f, init, 40);
            assertArrayEquals(a.losses(), b.losses(), 0.0);
            assertArrayEquals(a.params().flatten().toArray(), b.params().flatten().toArray(), 0.0);
            double best = Lbfgs.withMemory(10).minimize(f, Tensor.zeros(d + 1),
                    Stopping.defaults().withGradientTolerance(1e-6)).value() / n;
            double start = f.value(init.flatten()) / n;
            double end = f.value(a.params().flatten()) / n;
            assertTrue(end - best < 0.05 * (start - best), "mean loss from " + start + " to " + end + ", minimum " + best);
            assertEquals(40, a.losses().length);
        }
    }

    @Test
    void modelAveragingIsReproducibleAndApproachesTheMinimum() {
        int d = 3;
        int n = 2_000;
        try (SparkObjective<Block> f = SparkObjective.fromDataset(TestSpark.logistic(spark, n, 3, d, 43),
                Columns.defaults(), TestSpark.logisticLoss(d))) {
            SparkModelAveraging averaging = new SparkModelAveraging(0.5, 10, 0.2, 5);
            Tensor a = averaging.train(f, Tensor.zeros(d + 1), 8);
            Tensor b = averaging.train(f, Tensor.zeros(d + 1), 8);
            assertArrayEquals(a.toArray(), b.toArray(), 0.0);
            double best = Lbfgs.withMemory(10).minimize(f, Tensor.zeros(d + 1),
                    Stopping.defaults().withGradientTolerance(1e-6)).value() / n;
            double start = f.value(Tensor.zeros(d + 1)) / n;
            double end = f.value(a) / n;
            assertTrue(end - best < 0.02 * (start - best), "mean loss from " + start + " to " + end + ", minimum " + best);
        }
    }

    @Test
    void anRddObjectiveWithoutASamplerIsRefused() {
        var rows = spark.range(0, 10, 1, 2).javaRDD().map(i -> new double[] {i, 1});
        ShardDecoder<double[], Block> decoder = r -> new Block(Tensor.matrix(r.stream().map(x -> new double[] {x[0]})
                .toArray(double[][]::new)), Tensor.vector(r.stream().mapToDouble(x -> x[1]).toArray()));
        try (SparkObjective<Block> f = SparkObjective.fromRdd(rows, decoder, TestSpark.logisticLoss(1))) {
            NamedTensors init = NamedTensors.of(Map.of("theta", Tensor.zeros(2)));
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> new SparkMinibatch(Optimizer.of(new Adam(0.1)), 0.5, 1).train(f, init, 1));
            assertTrue(e.getMessage().contains("withSampler"), e.getMessage());
            assertEquals(1, new SparkMinibatch(Optimizer.of(new Adam(0.1)), 0.5, 1)
                    .train(f.withSampler(Block::select), init, 1).losses().length);
        }
    }
}
