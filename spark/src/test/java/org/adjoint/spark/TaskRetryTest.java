package org.adjoint.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.adjoint.core.Tensor;
import org.adjoint.optim.minimize.MinimizationResult;
import org.adjoint.optim.minimize.Stopping;
import org.adjoint.optim.minimize.quasinewton.Lbfgs;
import org.adjoint.optim.sharded.ShardLoss;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Fault tolerance: on local[2,2] (a task may fail once and is retried) a fit in which one task fails
 * on its first attempt ends with the same bits as a fit in which none fails.
 */
class TaskRetryTest {

    /** Test-only hook: shard evaluations so far, and the one that throws (−1: none). Tasks run in this JVM. */
    private static final AtomicInteger CALLS = new AtomicInteger();
    private static final AtomicInteger FAIL_AT = new AtomicInteger(-1);
    private static final AtomicInteger FAILURES = new AtomicInteger();

    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = TestSpark.session("local[2,2]");
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private static ShardLoss<Block> failingOnce(int d) {
        ShardLoss<Block> logistic = TestSpark.logisticLoss(d);
        return (theta, block) -> {
            if (CALLS.getAndIncrement() == FAIL_AT.get()) {
                FAILURES.incrementAndGet();
                throw new IllegalStateException("injected failure of a task's first attempt");
            }
            return logistic.loss(theta, block);
        };
    }

    private static MinimizationResult fit(Dataset<Row> data, int d, int failAt) {
        CALLS.set(0);
        FAIL_AT.set(failAt);
        try (SparkObjective<Block> f = SparkObjective.fromDataset(data, Columns.defaults(), failingOnce(d))) {
            return Lbfgs.withMemory(5).minimize(f, Tensor.zeros(d + 1), Stopping.defaults().withGradientTolerance(1e-6));
        }
    }

    @Test
    void aFitWithARetriedTaskEndsWithTheSameBits() {
        int d = 4;
        Dataset<Row> data = TestSpark.logistic(spark, 1_000, 4, d, 21);
        MinimizationResult clean = fit(data, d, -1);
        MinimizationResult retried = fit(data, d, 4 * 5 + 2);
        assertEquals(1, FAILURES.get(), "one task failed");
        assertTrue(clean.converged(), clean.toString());
        assertArrayEquals(clean.x().toArray(), retried.x().toArray(), 0.0);
        assertEquals(clean.value(), retried.value(), 0.0);
        assertEquals(clean.iterations(), retried.iterations());
    }
}
