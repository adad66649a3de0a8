package org.adjoint.optim.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.adjoint.verify.Gen;
import org.adjoint.verify.Property;
import org.junit.jupiter.api.Test;

class MinibatchSamplerTest {

    private static final Gen<MinibatchSampler> SAMPLERS = Gen.integers(1, 200).flatMap(n -> Gen.zip(
            Gen.integers(1, n), Gen.zip(Gen.integers(0, 1 << 30), Gen.booleans()),
            (b, rest) -> new MinibatchSampler(n, b, rest.first(), rest.second())));

    @Test
    void everyExampleIsSeenExactlyOncePerEpoch() {
        Property.forAll(SAMPLERS, Gen.integers(0, 50)).check((sampler, epoch) -> {
            int[][] batches = sampler.batches(epoch);
            assertEquals(sampler.batchesPerEpoch(), batches.length);
            int[] seen = new int[sampler.size()];
            for (int[] batch : batches) {
                assertTrue(batch.length == sampler.batchSize() || !sampler.dropLast() && batch == batches[batches.length - 1],
                        "only the last batch may be partial, and only when it is kept");
                for (int i : batch) {
                    seen[i]++;
                }
            }
            int left = sampler.size() % sampler.batchSize();
            int expectedSeen = sampler.dropLast() ? sampler.size() - left : sampler.size();
            assertEquals(expectedSeen, Arrays.stream(seen).sum());
            assertTrue(Arrays.stream(seen).allMatch(c -> c <= 1), "no example twice in an epoch");
        });
    }

    @Test
    void theOrderDependsOnlyOnTheSeedAndTheEpoch() {
        MinibatchSampler a = new MinibatchSampler(50, 7, 42, false);
        MinibatchSampler b = new MinibatchSampler(50, 7, 42, false);
        assertArrayEquals(a.batches(3)[0], b.batches(3)[0]);
        assertFalse(Arrays.equals(a.batches(3)[0], a.batches(4)[0]), "reshuffled every epoch");
        assertFalse(Arrays.equals(a.batches(3)[0], new MinibatchSampler(50, 7, 43, false).batches(3)[0]));
    }

    @Test
    void batchSizeOneIsStochasticAndTheFullSizeIsOneBatch() {
        assertEquals(10, new MinibatchSampler(10, 1, 0, false).batchesPerEpoch());
        assertEquals(1, new MinibatchSampler(10, 10, 0, false).batchesPerEpoch());
        assertEquals(4, new MinibatchSampler(10, 3, 0, false).batchesPerEpoch());
        assertEquals(3, new MinibatchSampler(10, 3, 0, true).batchesPerEpoch());
    }

    @Test
    void aBatchSizeLargerThanTheDataGivesOneShortBatchUnlessTheShortBatchIsDropped() {
        MinibatchSampler kept = new MinibatchSampler(5, 6, 0, false);
        assertEquals(1, kept.batchesPerEpoch());
        int[] batch = kept.batches(0)[0].clone();
        Arrays.sort(batch);
        assertArrayEquals(new int[] {0, 1, 2, 3, 4}, batch, "as PyTorch's DataLoader(drop_last=False): all the data");
        assertEquals(5, new MinibatchSampler(5, Integer.MAX_VALUE, 0, false).batches(0)[0].length, "no int overflow");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new MinibatchSampler(5, 6, 0, true));
        assertEquals("MinibatchSampler: batch size 6 for 5 examples with the last partial batch dropped leaves no batch;"
                + " keep the partial batch or use a batch size of at most 5", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new MinibatchSampler(0, 6, 0, false));
        assertEquals("MinibatchSampler: batch size 6 for 0 examples; need at least 1 example and a batch size of at least 1",
                e.getMessage());
    }
}
