package org.adjoint.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.adjoint.core.Tensor;
import org.adjoint.optim.minimize.Evaluation;
import org.adjoint.optim.minimize.MinimizationResult;
import org.adjoint.optim.minimize.Stopping;
import org.adjoint.optim.minimize.newton.NewtonCg;
import org.adjoint.optim.minimize.quasinewton.Lbfgs;
import org.adjoint.optim.sharded.Partial;
import org.adjoint.optim.sharded.Partials;
import org.adjoint.optim.sharded.ShardLoss;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The distributed objective on local[2]: agreement with one JVM, bit-identical passes, and fits. */
class SparkObjectiveTest {

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
    void distributedPassesAreTheBitsOfTheOrderedLocalSumAndAgreeWithOneJvm() {
        Agreement.check(spark);
    }

    @Test
    void aParameterVectorTooLargeForTheClosureTravelsAsABroadcastAndGivesTheSameBits() {
        int d = 3;
        int n = Shipped.INLINE_LIMIT + 5;
        var data = TestSpark.logistic(spark, 400, 3, d, 12);
        // The logistic loss on the first d + 1 components plus a quartic in all n: every component is read.
        ShardLoss<Block> loss = (t, b) -> TestSpark.logisticLoss(d).loss(t.slice(0, 0, d + 1), b)
                .add(t.square().square().sum().mul(1e-3));
        List<Block> blocks = TestSpark.localBlocks(data, Columns.defaults());
        Tensor theta = Tensor.randomNormal(13, n).mul(0.3);
        Tensor v = Tensor.randomNormal(14, n);
        var context = org.apache.spark.api.java.JavaSparkContext.fromSparkContext(spark.sparkContext());
        Shipped large = Shipped.of(context, theta.toArray());
        assertTrue(large.broadcasted(), "a vector of " + n + " components is broadcast");
        large.release();
        assertFalse(Shipped.of(context, new double[Shipped.INLINE_LIMIT]).broadcasted(), "2^15 components travel inline");
        try (SparkObjective<Block> f = SparkObjective.fromDataset(data, Columns.defaults(), loss)) {
            Partial expected = Partials.sumInOrder(blocks.stream()
                    .map(b -> Partials.valueAndGradient(loss, b, theta.toArray())).toList());
            Partial expectedHv = Partials.sumInOrder(blocks.stream()
                    .map(b -> Partials.hessianVector(loss, b, theta.toArray(), v.toArray())).toList());
            Evaluation e = f.evaluate(theta);
            assertEquals(expected.value(), e.value(), 0.0);
            assertArrayEquals(expected.vector(), e.gradient().toArray(), 0.0);
            assertArrayEquals(expectedHv.vector(), f.hessianVector(theta, v).toArray(), 0.0);
        }
    }

    @Test
    void lbfgsAndNewtonCgConvergeOnSpark() {
        int d = 4;
        try (SparkObjective<Block> f = SparkObjective.fromDataset(TestSpark.logistic(spark, 2_000, 4, d, 3),
                Columns.defaults().withClasses(2), TestSpark.logisticLoss(d))) {
            Stopping stopping = Stopping.defaults().withGradientTolerance(1e-6);
            MinimizationResult lbfgs = Lbfgs.withMemory(10).minimize(f, Tensor.zeros(d + 1), stopping);
            MinimizationResult newton = NewtonCg.standard().minimize(f, Tensor.zeros(d + 1), stopping);
            assertTrue(lbfgs.converged() && newton.converged(), lbfgs + "\n" + newton);
            double distance = Math.sqrt(lbfgs.x().sub(newton.x()).mul(lbfgs.x().sub(newton.x())).sum().item());
            assertTrue(distance < 1e-6, "L-BFGS and Newton-CG minima " + distance + " apart");
            assertTrue(f.passes() >= lbfgs.evaluations().gradients(), "passes " + f.passes());
        }
    }

    @Test
    void aRegularizerIsAddedOnceOnTheDriver() {
        int d = 3;
        var data = TestSpark.logistic(spark, 300, 3, d, 4);
        Tensor theta = Tensor.randomNormal(2, d + 1);
        try (SparkObjective<Block> plain = SparkObjective.fromDataset(data, Columns.defaults(), TestSpark.logisticLoss(d))) {
            SparkObjective<Block> ridge = plain.withRegularizer(t -> t.square().sum().mul(0.5));
            double r = 0.5 * theta.mul(theta).sum().item();
            assertEquals(plain.evaluate(theta).value() + r, ridge.evaluate(theta).value(), 1e-12 * r);
            Agreement.assertClose(plain.evaluate(theta).gradient().add(theta), ridge.evaluate(theta).gradient());
            Agreement.assertClose(plain.hessianVector(theta, theta).add(theta), ridge.hessianVector(theta, theta));
            assertEquals(plain.value(theta) + r, ridge.value(theta), 1e-12 * r);
        }
    }

    @Test
    void userRowsDecodedByTheirOwnFunctionGiveTheSameObjective() {
        int d = 3;
        var data = TestSpark.logistic(spark, 500, 3, d, 8);
        Tensor theta = Tensor.randomNormal(9, d + 1);
        ShardDecoder<double[], Block> decoder = rows -> {
            double[][] x = rows.stream().map(r -> java.util.Arrays.copyOf(r, d)).toArray(double[][]::new);
            return new Block(Tensor.matrix(x), Tensor.vector(rows.stream().mapToDouble(r -> r[d]).toArray()));
        };
        var rows = spark.range(0, 500, 1, 3).javaRDD().map(i -> {
            org.apache.spark.sql.Row row = TestSpark.logisticRow(i, d, 8);
            double[] x = java.util.Arrays.copyOf(((org.apache.spark.ml.linalg.Vector) row.get(0)).toArray(), d + 1);
            x[d] = row.getDouble(1);
            return x;
        });
        try (SparkObjective<Block> a = SparkObjective.fromDataset(data, Columns.defaults(), TestSpark.logisticLoss(d));
             SparkObjective<Block> b = SparkObjective.fromRdd(rows, decoder, TestSpark.logisticLoss(d))) {
            assertEquals(a.evaluate(theta), b.evaluate(theta));
            assertEquals(500, b.rows());
        }
    }

    @Test
    void arraysOfDoublesAreFeaturesToo() {
        var data = TestSpark.logistic(spark, 200, 2, 3, 5);
        var arrays = data.withColumn("x", org.apache.spark.ml.functions.vector_to_array(data.col("features"), "float64"));
        Tensor theta = Tensor.randomNormal(1, 4);
        try (SparkObjective<Block> a = SparkObjective.fromDataset(data, Columns.defaults(), TestSpark.logisticLoss(3));
             SparkObjective<Block> b = SparkObjective.fromDataset(arrays, Columns.defaults().withFeaturesCol("x"),
                     TestSpark.logisticLoss(3))) {
            assertEquals(a.evaluate(theta), b.evaluate(theta));
        }
    }

    @Test
    void aLossThatDoesNotSerializeIsRefusedBeforeAnyJob() {
        Tensor captured = Tensor.ones(4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SparkObjective.fromDataset(TestSpark.logistic(spark, 10, 1, 3, 1), Columns.defaults(),
                        (theta, b) -> theta.mul(org.adjoint.autodiff.Var.constant(captured)).sum()));
        assertTrue(e.getMessage().contains("shard loss is not serializable"), e.getMessage());
    }
}
