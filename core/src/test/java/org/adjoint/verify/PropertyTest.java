package org.adjoint.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The runner: how many tries, which seeds, what a failure reports, and discarded cases. */
class PropertyTest {

    private static final Gen<List<Double>> LISTS = Gen.lists(Gen.doubles(-10, 10), 0, 8);

    private String savedTries;
    private String savedSeed;

    @BeforeEach
    void clearKnobs() {
        savedTries = System.clearProperty(Property.TRIES_PROPERTY);
        savedSeed = System.clearProperty(Property.SEED_PROPERTY);
    }

    @AfterEach
    void restoreKnobs() {
        restore(Property.TRIES_PROPERTY, savedTries);
        restore(Property.SEED_PROPERTY, savedSeed);
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }

    private static int callsOf(Property<?> property) {
        AtomicInteger calls = new AtomicInteger();
        property.check(value -> calls.incrementAndGet());
        return calls.get();
    }

    /** A property that fails on lists summing to more than 10, which most random lists do not. */
    private static PropertyFailure sumFailure(Property<List<Double>> property) {
        return assertThrows(PropertyFailure.class, () -> property.check(xs ->
                assertTrue(xs.stream().mapToDouble(Double::doubleValue).sum() <= 10, "sum above 10")));
    }

    @Test
    void theBodyRunsExactlyTheRequestedNumberOfTries() {
        assertEquals(37, callsOf(Property.forAll(LISTS).tries(37)));
        System.setProperty(Property.TRIES_PROPERTY, "5");
        assertEquals(37, callsOf(Property.forAll(LISTS).tries(37)));
    }

    @Test
    void theDefaultIs200UnlessTheSystemPropertySaysOtherwise() {
        assertEquals(Property.DEFAULT_TRIES, callsOf(Property.forAll(LISTS)));
        System.setProperty(Property.TRIES_PROPERTY, " ");
        assertEquals(Property.DEFAULT_TRIES, callsOf(Property.forAll(LISTS)));
        System.setProperty(Property.TRIES_PROPERTY, "13");
        assertEquals(13, callsOf(Property.forAll(LISTS)));
    }

    @Test
    void scaledTriesMultiplyTheDefaultButNeverGoBelowOne() {
        assertEquals(50, callsOf(Property.forAll(LISTS).scaledTries(0.25)));
        assertEquals(1, callsOf(Property.forAll(LISTS).scaledTries(1e-9)));
        System.setProperty(Property.TRIES_PROPERTY, "1000");
        assertEquals(250, callsOf(Property.forAll(LISTS).scaledTries(0.25)));
        assertEquals(7, callsOf(Property.forAll(LISTS).scaledTries(0.25).tries(7)));
    }

    @Test
    void theReportLineNamesThePropertyItsTriesDiscardsAndSeed() {
        String line = Property.forAll(LISTS).named("sums").report(123, 4, -77, 2_500_000_000L);
        assertEquals("[property] property 'sums': 123 tries passed, 4 discarded, seed -77, 2.5 s", line);
    }

    @Test
    void badKnobsAreRejectedWithTheirValue() {
        System.setProperty(Property.TRIES_PROPERTY, "many");
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> callsOf(Property.forAll(LISTS)));
        assertTrue(e.getMessage().contains("many"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Property.forAll(LISTS).tries(0));
        assertThrows(IllegalArgumentException.class, () -> Property.forAll(LISTS).scaledTries(-1));
    }

    @Test
    void theSameSeedReplaysTheSameFailureAndShrink() {
        PropertyFailure first = sumFailure(Property.forAll(LISTS).seed(42));
        PropertyFailure second = sumFailure(Property.forAll(LISTS).seed(42));
        assertEquals(first.originalValue(), second.originalValue());
        assertEquals(first.shrunkValue(), second.shrunkValue());
        assertEquals(first.tryNumber(), second.tryNumber());
        assertEquals(first.getMessage(), second.getMessage());
    }

    @Test
    void differentSeedsFindDifferentCases() {
        Set<Object> originals = new HashSet<>();
        for (long seed = 1; seed <= 5; seed++) {
            originals.add(sumFailure(Property.forAll(LISTS).seed(seed)).originalValue());
        }
        assertTrue(originals.size() > 1, "every seed found " + originals);
    }

    @Test
    void theReportedSeedReplaysTheFailingCaseAsTheFirstTry() {
        PropertyFailure failure = sumFailure(Property.forAll(LISTS).seed(7));
        System.setProperty(Property.SEED_PROPERTY, Long.toString(failure.seed()));
        PropertyFailure replayed = sumFailure(Property.forAll(LISTS));
        assertEquals(1, replayed.tryNumber());
        assertEquals(failure.seed(), replayed.masterSeed());
        assertEquals(failure.originalValue(), replayed.originalValue());
        assertEquals(failure.shrunkValue(), replayed.shrunkValue());
    }

    @Test
    void aSeedInCodeTakesPrecedenceOverTheSystemProperty() {
        System.setProperty(Property.SEED_PROPERTY, "99");
        assertEquals(99, sumFailure(Property.forAll(LISTS)).masterSeed());
        assertEquals(5, sumFailure(Property.forAll(LISTS).seed(5)).masterSeed());
    }

    @Test
    void theReportHasEverythingNeededToUnderstandAndReplayTheFailure() {
        PropertyFailure failure = assertThrows(PropertyFailure.class, () -> Property.forAll(Gen.doubles(0, 100))
                .named("small numbers").tries(50)
                .check(x -> assertTrue(x < 1.5, "x = " + x + " is not small")));
        String message = failure.getMessage();
        double shrunk = (Double) failure.shrunkValue();
        String headline = "Property 'small numbers' falsified on try " + failure.tryNumber() + " of 50";
        assertTrue(message.startsWith(headline), message);
        assertTrue(message.contains("after " + failure.shrinkSteps() + " shrink steps"), message);
        assertTrue(message.contains(Double.toString(shrunk)), message);
        assertTrue(message.contains(Double.toString((Double) failure.originalValue())), message);
        assertTrue(message.contains("x = " + shrunk + " is not small"), message);
        assertTrue(message.contains("master seed of this run: " + failure.masterSeed()), message);
        assertTrue(message.contains("mvn test"
                + " -Dtest=PropertyTest#theReportHasEverythingNeededToUnderstandAndReplayTheFailure"
                + " -Dsurefire.failIfNoSpecifiedTests=false -Dadjoint.seed=" + failure.seed()), message);
        assertInstanceOf(AssertionError.class, failure.getCause());
        assertTrue(failure.getCause().getMessage().startsWith("x = " + shrunk + " is not small"));
    }

    @Test
    void theSeedLineGoesToStandardError() {
        PrintStream originalErr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        PropertyFailure failure;
        try {
            failure = sumFailure(Property.forAll(LISTS).named("sums"));
        } finally {
            System.setErr(originalErr);
        }
        String line = captured.toString(StandardCharsets.UTF_8);
        assertTrue(line.startsWith("[adjoint] Property 'sums' falsified on try " + failure.tryNumber()), line);
        assertTrue(line.contains("-Dadjoint.seed=" + failure.seed()), line);
    }

    @Test
    void pairAndTripleBodiesGetTheirValuesAsArguments() {
        PropertyFailure pair = assertThrows(PropertyFailure.class,
                () -> Property.forAll(Gen.integers(0, 9), Gen.integers(0, 9)).check((a, b) -> assertTrue(a + b < 10)));
        assertEquals(new Pair<>(1, 9), pair.shrunkValue());
        assertTrue(pair.getMessage().contains("(1, 9)"), pair.getMessage());
        AtomicInteger calls = new AtomicInteger();
        Property.forAll(Gen.booleans(), Gen.integers(1, 2), Gen.constant("c")).tries(20)
                .check((a, b, c) -> calls.addAndGet(b));
        assertTrue(calls.get() >= 20 && calls.get() <= 40, "sum " + calls.get());
    }

    @Test
    void assumeDiscardsCasesWithoutCountingThem() {
        AtomicInteger calls = new AtomicInteger();
        Property.forAll(Gen.integers(0, 9)).tries(50).check(x -> {
            Property.assume(x % 2 == 0);
            assertEquals(0, x % 2);
            calls.incrementAndGet();
        });
        assertEquals(50, calls.get());
    }

    @Test
    void assumeThatRejectsAlmostEverythingGivesUp() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Property.forAll(Gen.integers(0, 9)).tries(10).check(x -> Property.assume(false)));
        assertTrue(e.getMessage().contains("discarded"), e.getMessage());
    }

    @Test
    void discardedCasesDoNotCountAsFailuresWhileShrinking() {
        PropertyFailure failure = assertThrows(PropertyFailure.class, () -> Property.forAll(Gen.integers(0, 1000))
                .check(x -> {
                    Property.assume(x % 2 == 1);
                    assertTrue(x < 100);
                }));
        assertEquals(101, failure.shrunkValue());
    }

    @Test
    void eachTryHasItsOwnSeed() {
        Set<Long> seeds = new HashSet<>();
        long seed = 0;
        for (int i = 0; i < 1000; i++) {
            assertTrue(seeds.add(seed), "seed " + seed + " repeats after " + i + " tries");
            seed = Property.nextSeed(seed);
        }
        assertNotEquals(0, Property.nextSeed(0));
    }
}
