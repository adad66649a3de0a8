package org.adjoint.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.adjoint.core.Shape;
import org.adjoint.core.Tensor;
import org.junit.jupiter.api.Test;

class DataPrepTest {

    /** n examples whose single feature and target are both the example's index. */
    private static Examples indexed(int n) {
        Tensor ids = Tensor.arange(n);
        return new Examples(ids.reshape(n, 1), ids);
    }

    private static int[] ids(Examples e) {
        return e.targets().toIntArray();
    }

    @Test
    void splitsPartitionTheExamplesReproducibly() {
        Splits s = Splits.of(indexed(100), 0.2, 0.1, 42);
        assertEquals(70, s.train().size());
        assertEquals(20, s.validation().size());
        assertEquals(10, s.test().size());
        int[] all = IntStream.concat(IntStream.concat(Arrays.stream(ids(s.train())), Arrays.stream(ids(s.validation()))),
                Arrays.stream(ids(s.test()))).sorted().toArray();
        assertArrayEquals(IntStream.range(0, 100).toArray(), all);
        assertEquals(Arrays.toString(ids(s.test())), Arrays.toString(ids(Splits.of(indexed(100), 0.2, 0.1, 42).test())));
        assertNotEquals(Arrays.toString(ids(s.test())), Arrays.toString(ids(Splits.of(indexed(100), 0.2, 0.1, 43).test())));
        for (Examples part : List.of(s.train(), s.validation(), s.test())) {
            assertArrayEquals(part.targets().toArray(), part.features().reshape(part.size()).toArray());
        }
    }

    @Test
    void splitsRefuseBadFractions() {
        assertThrows(IllegalArgumentException.class, () -> Splits.of(indexed(10), 0.5, 0.5, 1));
        assertThrows(IllegalArgumentException.class, () -> Splits.of(indexed(10), -0.1, 0.5, 1));
        assertThrows(IllegalArgumentException.class, () -> Splits.of(indexed(10), 0, 0.01, 1));
        assertThrows(IllegalArgumentException.class, () -> Splits.of(indexed(10), 0.1, Double.NaN, 1));
        assertEquals(0, Splits.of(indexed(10), 0, 0.3, 1).validation().size());
    }

    @Test
    void standardizerUsesTrainingStatisticsAndScaleOneForConstantColumns() {
        Tensor train = Tensor.matrix(new double[][] {{1, 5, 10}, {3, 5, 20}, {5, 5, 30}});
        Standardizer s = Standardizer.fit(train);
        assertArrayEquals(new double[] {3, 5, 20}, s.mean().toArray());
        double sd0 = Math.sqrt(8.0 / 3);
        double sd2 = Math.sqrt(200.0 / 3);
        assertArrayEquals(new double[] {sd0, 1, sd2}, s.scale().toArray(), 1e-14);
        Tensor z = s.apply(train);
        assertArrayEquals(new double[] {-2 / sd0, 0, -10 / sd2, 0, 0, 0, 2 / sd0, 0, 10 / sd2}, z.toArray(), 1e-15);
        Tensor other = Tensor.matrix(new double[][] {{3, 6, 20}});
        assertArrayEquals(new double[] {0, 1, 0}, s.apply(other).toArray(), 1e-15);
        assertArrayEquals(other.toArray(), s.invert(s.apply(other)).toArray(), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> s.apply(Tensor.zeros(2, 2)));
        assertThrows(IllegalArgumentException.class, () -> Standardizer.fit(Tensor.zeros(0, 2)));
    }

    @Test
    void standardizedSplitsShareTheTrainingStatistics() {
        Examples all = new Examples(Tensor.randomNormal(3, 50, 4).mul(3).add(7), Tensor.zeros(50));
        Splits s = Splits.of(all, 0.2, 0.2, 9);
        Splits z = s.standardized();
        Standardizer fitted = Standardizer.fit(s.train());
        assertEquals(fitted.apply(s.test()), z.test());
        assertEquals(fitted.apply(s.validation()), z.validation());
        assertArrayEquals(new double[] {0, 0, 0, 0}, z.train().features().mean(0).toArray(), 1e-12);
    }

    @Test
    void oneHotAndLabels() {
        Examples e = Examples.labeled(Tensor.zeros(3, 1), new int[] {2, 0, 1});
        assertEquals(Tensor.matrix(new double[][] {{0, 0, 1}, {1, 0, 0}, {0, 1, 0}}), e.oneHot(3));
        Examples real = new Examples(Tensor.zeros(2, 1), Tensor.vector(1, 0.5));
        assertEquals("Examples.labels: target 0.5 of row 1 is not a class index (a whole number ≥ 0)",
                assertThrows(IllegalArgumentException.class, real::labels).getMessage());
    }

    @Test
    void minibatchesCoverEachEpochOnceAndDependOnSeedAndEpoch() {
        Minibatches m = new Minibatches(indexed(10), 4, 5);
        assertEquals(3, m.count());
        List<Examples> epoch0 = m.epoch(0);
        assertEquals(List.of(4, 4, 2), epoch0.stream().map(Examples::size).toList());
        int[] seen = epoch0.stream().flatMapToInt(b -> Arrays.stream(ids(b))).sorted().toArray();
        assertArrayEquals(IntStream.range(0, 10).toArray(), seen);
        assertEquals(Arrays.toString(m.indices(1).get(0)), Arrays.toString(new Minibatches(indexed(10), 4, 5).indices(1).get(0)));
        assertNotEquals(Arrays.toString(m.indices(0).get(0)) + Arrays.toString(m.indices(0).get(1)),
                Arrays.toString(m.indices(1).get(0)) + Arrays.toString(m.indices(1).get(1)));
        assertThrows(IllegalArgumentException.class, () -> new Minibatches(indexed(3), 0, 1));
        assertEquals(Shape.of(4, 1), epoch0.get(0).features().shape());
    }
}
