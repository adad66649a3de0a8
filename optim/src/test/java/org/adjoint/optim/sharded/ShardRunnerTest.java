package org.adjoint.optim.sharded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ShardRunnerTest {

    @Test
    void resultsComeInShardOrderWhicheverThreadFinishesFirst() {
        List<Integer> expected = IntStream.range(0, 40).map(s -> s * s).boxed().toList();
        for (int threads : new int[] {1, 2, 3, 8, 64}) {
            List<Integer> results = ShardRunner.map(40, threads, s -> {
                if (s % 7 == 0) {
                    Thread.onSpinWait();
                    Thread.yield();
                }
                return s * s;
            });
            assertEquals(expected, results, threads + " threads");
        }
    }

    @Test
    void theLowestFailingShardIsReportedWithItsCause() {
        RuntimeException boom = new UnsupportedOperationException("boom");
        ShardFailureException e = assertThrows(ShardFailureException.class, () -> ShardRunner.map(10, 3, s -> {
            if (s == 4 || s == 8) {
                throw boom;
            }
            return s;
        }));
        assertEquals(4, e.shard());
        assertSame(boom, e.getCause());
        assertEquals("shard 4 of 10 failed: java.lang.UnsupportedOperationException: boom", e.getMessage());
    }

    @Test
    void countsBelowOneAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ShardRunner.map(0, 2, s -> s));
        assertEquals("ShardRunner.map: 0 shards on 2 threads; need at least 1 of each", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ShardRunner.map(3, 0, s -> s));
    }
}
