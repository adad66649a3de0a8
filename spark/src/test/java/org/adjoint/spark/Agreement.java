package org.adjoint.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.adjoint.core.Tensor;
import org.adjoint.optim.minimize.Evaluation;
import org.adjoint.optim.minimize.Objective;
import org.adjoint.optim.sharded.Partial;
import org.adjoint.optim.sharded.Partials;
import org.adjoint.optim.sharded.ShardLoss;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The check both local[2] and local[1] run: the distributed value, gradient and Hessian-vector
 * product are the same bits as the ordered sum of the same blocks' partials computed in this thread
 * (so they are the same bits on one task slot and on two), three times in a row, and agree with the
 * single-JVM objective of all the rows to 1e-12.
 */
final class Agreement {

    static final int D = 5;

    private Agreement() {
    }

    static void check(SparkSession spark) {
        Dataset<Row> data = TestSpark.logistic(spark, 3_000, 3, D, 11);
        ShardLoss<Block> loss = TestSpark.logisticLoss(D);
        List<Block> blocks = TestSpark.localBlocks(data, Columns.defaults());
        Tensor theta = Tensor.randomNormal(5, D + 1).mul(0.5);
        Tensor v = Tensor.randomNormal(6, D + 1);
        try (SparkObjective<Block> f = SparkObjective.fromDataset(data, Columns.defaults(), loss)) {
            Partial expected = sum(blocks, b -> Partials.valueAndGradient(loss, b, theta.toArray()));
            Partial expectedHv = sum(blocks, b -> Partials.hessianVector(loss, b, theta.toArray(), v.toArray()));
            for (int run = 0; run < 3; run++) {
                Evaluation e = f.evaluate(theta);
                assertEquals(expected.value(), e.value(), 0.0, "value, run " + run);
                assertArrayEquals(expected.vector(), e.gradient().toArray(), 0.0, "gradient, run " + run);
                assertArrayEquals(expectedHv.vector(), f.hessianVector(theta, v).toArray(), 0.0, "HVP, run " + run);
                assertEquals(sum(blocks, b -> new Partial(Partials.value(loss, b, theta.toArray()), new double[0])).value(),
                        f.value(theta), 0.0, "value-only pass, run " + run);
            }
            assertEquals(9, f.passes(), "three passes per run");
            Objective whole = Objective.of(t -> loss.loss(t, concat(blocks)));
            assertClose(whole.evaluate(theta).value(), expected.value());
            assertClose(whole.evaluate(theta).gradient(), Tensor.vector(expected.vector()));
            assertClose(whole.hessianVector(theta, v), Tensor.vector(expectedHv.vector()));
        }
    }

    private static Partial sum(List<Block> blocks, java.util.function.Function<Block, Partial> f) {
        List<Partial> partials = new ArrayList<>();
        blocks.forEach(b -> partials.add(f.apply(b)));
        return Partials.sumInOrder(partials);
    }

    static Block concat(List<Block> blocks) {
        return new Block(Tensor.concat(0, blocks.stream().map(Block::features).toArray(Tensor[]::new)),
                Tensor.concat(0, blocks.stream().map(Block::labels).toArray(Tensor[]::new)));
    }

    static void assertClose(double expected, double actual) {
        assertTrue(Math.abs(expected - actual) <= 1e-12 * Math.abs(expected), expected + " vs " + actual);
    }

    static void assertClose(Tensor expected, Tensor actual) {
        assertEquals(expected.shape(), actual.shape());
        double scale = Math.sqrt(expected.mul(expected).sum().item());
        double error = Math.sqrt(expected.sub(actual).mul(expected.sub(actual)).sum().item());
        assertTrue(error <= 1e-12 * scale, "relative error " + error / scale + " of " + actual + " against " + expected);
    }
}
