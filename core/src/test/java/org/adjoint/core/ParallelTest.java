package org.adjoint.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.adjoint.verify.Gen;
import org.adjoint.verify.Property;
import org.junit.jupiter.api.Test;

/** The loop splitter: every index exactly once, chunk edges on the grain, failures rethrown, callers independent. */
class ParallelTest {

    @Test
    void everyIndexRunsExactlyOnceAndChunksStartOnTheGrain() {
        Property.forAll(Gen.integers(0, 5000), Gen.integers(1, 64)).check((n, grain) -> {
            AtomicIntegerArray visits = new AtomicIntegerArray(n);
            Parallel.forRange(n, grain, (from, to) -> {
                assertTrue(from % grain == 0 && from <= to && to <= n, () -> "chunk [" + from + ", " + to + ")");
                for (int i = from; i < to; i++) {
                    visits.incrementAndGet(i);
                }
            });
            for (int i = 0; i < n; i++) {
                assertEquals(1, visits.get(i), "index " + i + " of " + n);
            }
        });
    }

    @Test
    void aFailingChunkIsRethrownToTheCaller() {
        IllegalStateException boom = new IllegalStateException("boom");
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> Parallel.forRange(1000, 1, (from, to) -> {
            if (to == 1000) {
                throw boom;
            }
        }));
        assertSame(boom, thrown);
        // The helpers survive a failure: the next loop runs normally.
        AtomicIntegerArray visits = new AtomicIntegerArray(1000);
        Parallel.forRange(1000, 1, (from, to) -> {
            for (int i = from; i < to; i++) {
                visits.incrementAndGet(i);
            }
        });
        for (int i = 0; i < 1000; i++) {
            assertEquals(1, visits.get(i));
        }
    }

    /** Many threads multiplying at once (each product large enough to be split) get the serial results. */
    @Test
    void concurrentCallersGetTheSameProductsAsASerialRun() throws Exception {
        Tensor a = Tensor.randomNormal(1, 96, 80);
        Tensor b = Tensor.randomNormal(2, 80, 72);
        double[] expected = new double[96 * 72];
        MatMul.KERNEL.rows(a.data, 80, 1, b.data, expected, 80, 72, 0, 96);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Tensor>> results = new ArrayList<>();
            for (int t = 0; t < 200; t++) {
                results.add(pool.submit(() -> a.matmul(b)));
            }
            for (Future<Tensor> result : results) {
                assertEquals(Tensor.of(Shape.of(96, 72), expected), result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
