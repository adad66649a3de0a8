package org.adjoint.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.adjoint.core.Shape;
import org.adjoint.core.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Planted bugs must be found and shrunk to their minimal examples. Each runs from several random
 * seeds, since shrinking must reach the same minimum from any starting point.
 */
class ShrinkingTest {

    private static final int RUNS = 5;

    private static PropertyFailure failureOf(Executable check) {
        return assertThrows(PropertyFailure.class, check);
    }

    @Test
    void aLargeSumShrinksToOneMaximalElement() {
        Gen<List<Integer>> lists = Gen.lists(Gen.integers(0, 1000), 0, 20);
        for (int run = 0; run < RUNS; run++) {
            PropertyFailure failure = failureOf(() -> Property.forAll(lists).check(xs ->
                    assertTrue(xs.stream().mapToInt(Integer::intValue).sum() < 1000, "sum too large")));
            assertEquals(List.of(1000), failure.shrunkValue());
        }
    }

    /** Meant to return the largest element, but no element is strictly larger than a duplicate of itself. */
    private static int buggyMax(List<Integer> xs) {
        for (int i = 0; i < xs.size(); i++) {
            boolean largest = true;
            for (int j = 0; j < xs.size(); j++) {
                largest &= i == j || xs.get(i) > xs.get(j);
            }
            if (largest) {
                return xs.get(i);
            }
        }
        return Integer.MIN_VALUE;
    }

    @Test
    void aMaxThatFailsOnDuplicatesShrinksToTwoZeros() {
        Gen<List<Integer>> lists = Gen.lists(Gen.integers(-20, 20), 1, 10);
        for (int run = 0; run < RUNS; run++) {
            PropertyFailure failure = failureOf(() -> Property.forAll(lists).check(xs ->
                    assertEquals(xs.stream().mapToInt(Integer::intValue).max().getAsInt(), buggyMax(xs))));
            assertEquals(List.of(0, 0), failure.shrunkValue());
        }
    }

    @Test
    void aTensorWithALongAxisShrinksToAZeroVectorOfThree() {
        Gen<Tensor> tensors = TensorGens.tensors(TensorGens.shapes(4, 5), Gen.doubles(-10, 10));
        for (int run = 0; run < RUNS; run++) {
            PropertyFailure failure = failureOf(() -> Property.forAll(tensors).check(t -> {
                for (int d : t.shape().dims()) {
                    assertTrue(d < 3, "extent " + d);
                }
            }));
            assertEquals(Tensor.of(Shape.of(3), new double[3]), failure.shrunkValue());
        }
    }

    @Test
    void aDoubleThresholdShrinksToTheThresholdAtFullPrecision() {
        for (int run = 0; run < RUNS; run++) {
            PropertyFailure failure = failureOf(() -> Property.forAll(Gen.doubles(0, 1))
                    .check(x -> assertTrue(x < 0.5, "too large")));
            double shrunk = (Double) failure.shrunkValue();
            assertTrue(shrunk >= 0.5 && shrunk - 0.5 < 1e-9, "shrunk to " + shrunk);
            assertTrue(failure.getMessage().contains(Double.toString(shrunk)), failure.getMessage());
        }
    }

    @Test
    void aSmoothDomainShrinksTowardTheEdgeOfTheGap() {
        PropertyFailure failure = failureOf(() -> Property.forAll(Gen.doublesAwayFrom(-3, 3, 0, 0.1))
                .check(x -> assertTrue(Math.abs(x) < 2, "too far out")));
        assertEquals(2.0, Math.abs((Double) failure.shrunkValue()), 1e-9);
    }

    @Test
    void shrinkingKeepsToTheOriginalKindOfFailure() {
        for (int run = 0; run < RUNS; run++) {
            PropertyFailure failure = failureOf(() -> Property.forAll(Gen.integers(0, 1000)).check(x -> {
                if (x >= 500) {
                    throw new IllegalStateException("second bug");
                }
                assertTrue(x < 5, "first bug");
            }));
            boolean secondBug = failure.getCause() instanceof IllegalStateException;
            assertEquals(secondBug ? 500 : 5, failure.shrunkValue());
            assertEquals(secondBug, (Integer) failure.originalValue() >= 500);
        }
    }

    @Test
    void aPropertyThatAlwaysFailsShrinksToTheSimplestValueQuickly() {
        Gen<List<Tensor>> gen = Gen.lists(TensorGens.tensors(TensorGens.shapes(3, 6), Gen.doubles(-1, 1)), 5, 30);
        long start = System.nanoTime();
        PropertyFailure failure = failureOf(() -> Property.forAll(gen).check(ts -> fail("always")));
        assertEquals(List.of(Tensor.scalar(0), Tensor.scalar(0), Tensor.scalar(0), Tensor.scalar(0), Tensor.scalar(0)),
                failure.shrunkValue());
        assertTrue(System.nanoTime() - start < 2_000_000_000L, "shrinking took too long");
    }

    @Test
    void shrinkingStopsAfterItsAttemptBudget() {
        // Fails on about half of all values with no pattern to learn, so no pass converges early.
        AtomicInteger calls = new AtomicInteger();
        long start = System.nanoTime();
        Gen<List<Double>> gen = Gen.lists(Gen.doubles(-1, 1), 50, 60);
        PropertyFailure failure = failureOf(() -> Property.forAll(gen).check(xs -> {
            calls.incrementAndGet();
            assertTrue((xs.hashCode() & 1) == 0, "odd hash");
        }));
        assertTrue(calls.get() <= failure.tryNumber() + Shrinker.MAX_ATTEMPTS, calls.get() + " calls");
        assertTrue(System.nanoTime() - start < 2_000_000_000L, "shrinking took too long");
    }

    @Test
    void theShrunkCaseIsTheCauseAndItsValueIsReported() {
        PropertyFailure failure = failureOf(() -> Property.forAll(Gen.integers(0, 100))
                .check(x -> assertTrue(x < 10, "x = " + x)));
        assertEquals(10, failure.shrunkValue());
        assertTrue(failure.getCause().getMessage().startsWith("x = 10 "), failure.getCause().getMessage());
        assertTrue(failure.shrinkSteps() > 0 || failure.originalValue().equals(10), "no shrink steps reported");
    }

    @Test
    void simplerMeansShorterThenLexicographicallySmaller() {
        assertTrue(Shrinker.simpler(new long[] {9}, new long[] {0, 0}));
        assertTrue(Shrinker.simpler(new long[] {1, 9}, new long[] {2, 0}));
        assertFalse(Shrinker.simpler(new long[] {2, 0}, new long[] {2, 0}));
        assertFalse(Shrinker.simpler(new long[] {0, 0, 0}, new long[] {5}));
    }
}
