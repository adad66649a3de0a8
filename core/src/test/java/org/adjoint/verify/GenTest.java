package org.adjoint.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The generators' bounds, their variety, and their simplest values. */
class GenTest {

    /** Seeds for generators sampled inside a property. */
    private static final Gen<Integer> SEEDS = Gen.integers(Integer.MIN_VALUE, Integer.MAX_VALUE);

    /** The value a generator makes from the all-zero choice sequence: its simplest value. */
    private static <T> T simplest(Gen<T> gen) {
        return gen.generate(Source.replay());
    }

    @Test
    void integersStayInTheirRange() {
        Gen<Pair<Integer, Integer>> ranges = Gen.zip(Gen.integers(-1000, 1000), Gen.integers(0, 2000));
        Property.forAll(ranges, SEEDS).check((range, seed) -> {
            int lo = range.first();
            int hi = lo + range.second();
            int x = Gen.integers(lo, hi).sample(seed);
            assertTrue(lo <= x && x <= hi, x + " outside [" + lo + ", " + hi + "]");
        });
    }

    @Test
    void integersCoverTheWholeIntRange() {
        Set<Boolean> signs = new HashSet<>();
        Property.forAll(Gen.integers(Integer.MIN_VALUE, Integer.MAX_VALUE)).tries(200).check(x -> signs.add(x < 0));
        assertEquals(Set.of(true, false), signs);
    }

    @Test
    void integersAreSimplestNearestZero() {
        assertEquals(0, simplest(Gen.integers(-5, 5)));
        assertEquals(3, simplest(Gen.integers(3, 9)));
        assertEquals(-3, simplest(Gen.integers(-9, -3)));
        assertEquals(7, simplest(Gen.integers(7, 7)));
    }

    @Test
    void doublesStayInTheirRange() {
        Gen<Pair<Double, Double>> ranges = Gen.zip(Gen.doubles(-1e6, 1e6), Gen.doubles(0, 1e3));
        Property.forAll(ranges, SEEDS).check((range, seed) -> {
            double lo = range.first();
            double hi = lo + range.second();
            double x = Gen.doubles(lo, hi).sample(seed);
            assertTrue(lo <= x && x <= hi, x + " outside [" + lo + ", " + hi + "]");
        });
    }

    @Test
    void doublesHandleTheWidestRange() {
        Property.forAll(Gen.doubles(-Double.MAX_VALUE, Double.MAX_VALUE))
                .check(x -> assertTrue(Double.isFinite(x), "not finite: " + x));
    }

    @Test
    void doublesAreSimplestAtZeroThenAtTheIntegerOrEndNearestZero() {
        assertEquals(0.0, simplest(Gen.doubles(-1, 1)));
        assertEquals(3.0, simplest(Gen.doubles(2.5, 5)));
        assertEquals(-2.0, simplest(Gen.doubles(-5, -1.5)));
        assertEquals(0.1, simplest(Gen.doubles(0.1, 0.9)));
        assertEquals(-0.9, simplest(Gen.doubles(-0.95, -0.9)));
    }

    @Test
    void doublesUseFullPrecisionAndCoverTheRangeUniformly() {
        int n = 4000;
        int below = 0;
        int zeros = 0;
        int beyondThirtyBits = 0;
        Set<Double> distinct = new HashSet<>();
        Gen<Double> gen = Gen.doubles(-1, 3);
        for (int seed = 0; seed < n; seed++) {
            double x = gen.sample(seed);
            distinct.add(x);
            below += x < 0 ? 1 : 0;
            zeros += x == 0 ? 1 : 0;
            beyondThirtyBits += x * 0x1p30 != Math.rint(x * 0x1p30) ? 1 : 0;
        }
        double zeroShare = zeros / (double) n;
        double belowShareOfTheRest = below / (double) (n - zeros);
        assertTrue(zeroShare > 0.09 && zeroShare < 0.16, "share of simplest values " + zeroShare);
        assertTrue(belowShareOfTheRest > 0.22 && belowShareOfTheRest < 0.28, "share below 0: " + belowShareOfTheRest);
        assertTrue(beyondThirtyBits > 0.9 * (n - zeros), beyondThirtyBits + " values with more than 30 bits");
        assertTrue(distinct.size() > 0.8 * n, distinct.size() + " distinct values of " + n);
    }

    @Test
    void doublesAwayFromNeverFallInsideTheGap() {
        Gen<Double> lows = Gen.doubles(-10, 10);
        Gen<Triple<Double, Double, Double>> widthPointGap =
                Gen.zip(Gen.doubles(0, 20), Gen.doubles(-12, 12), Gen.doubles(0, 5));
        Property.forAll(lows, widthPointGap, SEEDS).check((lo, params, seed) -> {
            double hi = lo + params.first();
            double point = params.second();
            double gap = params.third();
            Property.assume(Math.max(Math.abs(lo - point), Math.abs(hi - point)) > gap);
            double x = Gen.doublesAwayFrom(lo, hi, point, gap).sample(seed);
            assertTrue(lo <= x && x <= hi, x + " outside [" + lo + ", " + hi + "]");
            assertTrue(Math.abs(x - point) >= gap, x + " is within " + gap + " of " + point);
        });
    }

    @Test
    void doublesAwayFromAKinkCoverBothSidesAndShrinkTowardZero() {
        Gen<Double> gen = Gen.doublesAwayFrom(-1, 1, 0, 0.25);
        Set<Boolean> sides = new HashSet<>();
        Property.forAll(gen).tries(200).check(x -> sides.add(x > 0));
        assertEquals(Set.of(true, false), sides);
        assertEquals(1.0, simplest(gen));
        assertEquals(0.25, simplest(Gen.doublesAwayFrom(-0.5, 0.5, 0, 0.25)));
        assertEquals(-0.25, simplest(Gen.doublesAwayFrom(-0.9, 0.9, 0.5, 0.75)));
        assertEquals(0.0, simplest(Gen.doublesAwayFrom(-1, 1, 0.5, 0.25)));
    }

    @Test
    void doublesAwayFromRejectsAnEmptyDomain() {
        assertThrows(IllegalArgumentException.class, () -> Gen.doublesAwayFrom(-1, 1, 0, 2));
    }

    @Test
    void booleansElementsAndOneOfProduceEveryOptionAndShrinkToTheFirst() {
        Set<Object> seen = new HashSet<>();
        Gen<Object> gen = Gen.oneOf(Gen.booleans(), Gen.elements("a", "b", "c"));
        Property.forAll(gen).tries(200).check(seen::add);
        assertEquals(Set.of(false, true, "a", "b", "c"), seen);
        assertEquals(false, simplest(gen));
        assertEquals("a", simplest(Gen.elements("a", "b")));
    }

    @Test
    void listsRespectTheirSizeLimitsAndShrinkToTheShortest() {
        Gen<Pair<Integer, Integer>> limits = Gen.zip(Gen.integers(0, 5), Gen.integers(0, 30));
        Property.forAll(limits, SEEDS).check((limit, seed) -> {
            int min = limit.first();
            int max = min + limit.second();
            List<Boolean> list = Gen.lists(Gen.booleans(), min, max).sample(seed);
            assertTrue(min <= list.size() && list.size() <= max,
                    "size " + list.size() + " not in [" + min + ", " + max + "]");
            assertEquals(min, simplest(Gen.lists(Gen.booleans(), min, max)).size());
        });
    }

    @Test
    void listsVaryInLength() {
        Set<Integer> sizes = new HashSet<>();
        Property.forAll(Gen.lists(Gen.booleans(), 0, 100)).tries(200).check(list -> sizes.add(list.size()));
        assertTrue(sizes.contains(0) && sizes.size() >= 8, "sizes " + sizes);
    }

    @Test
    void flatMapLetsOneValueChooseTheNextGenerator() {
        Gen<double[]> arrays = Gen.integers(0, 6).flatMap(n -> Gen.doubleArrays(Gen.doubles(n, n + 1), n));
        Property.forAll(arrays).check(array -> {
            for (double x : array) {
                assertTrue(array.length <= x && x <= array.length + 1, x + " for length " + array.length);
            }
        });
    }

    @Test
    void filterKeepsOnlyAcceptedValues() {
        Property.forAll(Gen.integers(0, 100).filter(x -> x % 3 == 0).map(x -> x / 3))
                .check(third -> assertTrue(0 <= third && third <= 33, "third " + third));
    }

    @Test
    void filterGivesUpClearly() {
        GeneratorExhausted direct = assertThrows(GeneratorExhausted.class,
                () -> Gen.integers(0, 10).filter(x -> x > 10).sample(1));
        assertTrue(direct.getMessage().contains("filter rejected too many values"), direct.getMessage());
        IllegalStateException inProperty = assertThrows(IllegalStateException.class,
                () -> Property.forAll(Gen.integers(0, 10).filter(x -> x > 10)).check(x -> { }));
        assertTrue(inProperty.getMessage().contains("filter rejected too many values"), inProperty.getMessage());
    }

    @Test
    void tuplesPrintTheirValuesInFull() {
        assertEquals("(1, 0.1)", new Pair<>(1, 0.1).toString());
        assertEquals("([0.30000000000000004, 2.0], [a, b], true)",
                new Triple<>(new double[] {0.1 + 0.2, 2}, new String[] {"a", "b"}, true).toString());
    }
}
