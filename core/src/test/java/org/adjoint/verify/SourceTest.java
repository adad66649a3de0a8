package org.adjoint.verify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SourceTest {

    private static final Gen<List<Double>> SOME_LISTS = Gen.lists(Gen.doubles(-5, 5), 0, 10);

    @Test
    void randomChoicesAreWithinTheirBoundsAndRecordedInOrder() {
        Source source = Source.random(7);
        long[] bounds = {2, 3, 1000, Long.MAX_VALUE, 7};
        long[] drawn = new long[bounds.length];
        for (int i = 0; i < bounds.length; i++) {
            drawn[i] = source.draw(bounds[i]);
            assertTrue(drawn[i] >= 0 && drawn[i] < bounds[i], "choice " + drawn[i] + " for bound " + bounds[i]);
        }
        assertArrayEquals(drawn, source.choices());
    }

    @Test
    void theSameSeedGivesTheSameChoices() {
        Source a = Source.random(123);
        Source b = Source.random(123);
        assertEquals(SOME_LISTS.generate(a), SOME_LISTS.generate(b));
        assertArrayEquals(a.choices(), b.choices());
    }

    @Test
    void replayingRecordedChoicesRegeneratesTheSameValue() {
        Property.forAll(Gen.integers(Integer.MIN_VALUE, Integer.MAX_VALUE)).check(seed -> {
            Source random = Source.random(seed);
            List<Double> value = SOME_LISTS.generate(random);
            Source replay = Source.replay(random.choices());
            assertEquals(value, SOME_LISTS.generate(replay));
            assertArrayEquals(random.choices(), replay.choices());
        });
    }

    @Test
    void replayDrawsZeroPastTheEndAndRecordsIt() {
        Source source = Source.replay(5);
        assertEquals(5, source.draw(10));
        assertEquals(0, source.draw(10));
        assertEquals(0, source.draw(3));
        assertArrayEquals(new long[] {5, 0, 0}, source.choices());
    }

    @Test
    void replayClampsChoicesIntoTheBoundAndRecordsWhatItHandedOut() {
        Source source = Source.replay(9, -4, 2);
        assertEquals(2, source.draw(3));
        assertEquals(0, source.draw(3));
        assertEquals(2, source.draw(3));
        assertArrayEquals(new long[] {2, 0, 2}, source.choices());
    }

    @Test
    void aBoundOfOneIsNoChoiceAndIsNotRecorded() {
        Source source = Source.replay(4);
        assertEquals(0, source.draw(1));
        assertEquals(4, source.draw(5));
        assertArrayEquals(new long[] {4}, source.choices());
    }

    @Test
    void aBoundBelowOneIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Source.random(1).draw(0));
    }

    @Test
    void aRunawayGeneratorIsStopped() {
        Gen<Long> endless = source -> {
            long sum = 0;
            while (true) {
                sum += source.draw(2) + 1;
                if (sum < 0) {
                    return sum;
                }
            }
        };
        GeneratorExhausted e = assertThrows(GeneratorExhausted.class, () -> endless.sample(1));
        assertTrue(e.getMessage().contains("more than " + Source.MAX_CHOICES + " choices"), e.getMessage());
    }
}
