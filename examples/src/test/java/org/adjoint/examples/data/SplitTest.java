package org.adjoint.examples.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.BitSet;
import org.adjoint.core.Shape;
import org.adjoint.core.Tensor;
import org.adjoint.optim.train.LabeledData;
import org.junit.jupiter.api.Test;

class SplitTest {

    /** {@code n} examples whose first feature is a unique id and whose label is {@code id mod 3}. */
    private static LabeledData numbered(int n) {
        double[] inputs = new double[2 * n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            inputs[2 * i] = i;
            inputs[2 * i + 1] = -i;
            labels[i] = i % 3;
        }
        return new LabeledData(Tensor.of(Shape.of(n, 2), inputs), labels);
    }

    private static int[] ids(LabeledData part) {
        int[] ids = new int[part.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = (int) part.inputs().get(i, 0);
            assertEquals(ids[i] % 3, part.labels()[i], "label stays with its example " + ids[i]);
            assertEquals(-ids[i], part.inputs().get(i, 1), 0.0, "the whole row moves together");
        }
        return ids;
    }

    @Test
    void sameSeedSameSplitOtherSeedOtherSplit() {
        LabeledData all = numbered(100);
        Split a = Datasets.split(all, 0.25, 42);
        Split b = Datasets.split(all, 0.25, 42);
        Split c = Datasets.split(all, 0.25, 43);
        assertArrayEquals(ids(a.test()), ids(b.test()));
        assertArrayEquals(ids(a.train()), ids(b.train()));
        assertFalse(Arrays.equals(ids(a.test()), ids(c.test())));
    }

    @Test
    void partsAreDisjointCoverAllAndHaveTheRequestedSizes() {
        for (double fraction : new double[] {0.01, 0.2, 0.5, 0.99}) {
            Split split = Datasets.split(numbered(101), fraction, 7);
            assertEquals(Math.round(101 * fraction), split.test().size());
            assertEquals(101, split.train().size() + split.test().size());
            BitSet seen = new BitSet();
            for (int[] part : new int[][] {ids(split.train()), ids(split.test())}) {
                for (int id : part) {
                    assertFalse(seen.get(id), "example " + id + " appears twice");
                    seen.set(id);
                }
            }
            assertEquals(101, seen.cardinality());
        }
    }

    @Test
    void shuffleMixesTheOrder() {
        int[] test = ids(Datasets.split(numbered(1000), 0.5, 3).test());
        assertFalse(Arrays.equals(test, Arrays.stream(test).sorted().toArray()), "test part is not in file order");
        long low = Arrays.stream(test).filter(id -> id < 500).count();
        assertTrue(low > 200 && low < 300, "test part draws evenly from both halves: " + low + " of its 500 below 500");
    }

    @Test
    void badFractionsAreRejectedWithTheValue() {
        LabeledData all = numbered(10);
        for (double fraction : new double[] {0, 1, -0.1, 1.5, Double.NaN}) {
            String message = assertThrows(IllegalArgumentException.class, () -> Datasets.split(all, fraction, 1)).getMessage();
            assertTrue(message.contains(String.valueOf(fraction)), message);
        }
        String message = assertThrows(IllegalArgumentException.class, () -> Datasets.split(all, 0.01, 1)).getMessage();
        assertTrue(message.contains("test") && message.contains("empty"), message);
        message = assertThrows(IllegalArgumentException.class, () -> Datasets.split(all, 0.97, 1)).getMessage();
        assertTrue(message.contains("training") && message.contains("empty"), message);
    }
}
