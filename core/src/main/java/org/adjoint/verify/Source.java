package org.adjoint.verify;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Where generators get their randomness: a sequence of bounded non-negative integer choices.
 *
 * <p><b>The choice-sequence design.</b> A generator never touches a random number generator
 * directly; it asks its source for choices with {@link #draw(long)}, and the source records every
 * choice it hands out. A generated value is therefore a pure function of the list of choices that
 * produced it. Two kinds of source exist:
 * <ul>
 *   <li>a <em>random</em> source draws fresh choices from a seeded generator and records them;</li>
 *   <li>a <em>replay</em> source hands back a recorded list. Past its end it draws 0; a recorded
 *       choice outside {@code [0, bound)} is clamped into it. Either way
 *       the choice actually handed out is what gets recorded, so replaying any list of longs is
 *       deterministic and never fails.</li>
 * </ul>
 *
 * <p>Shrinking then needs to know nothing about values: the {@link Property} runner edits the
 * failing choice list (deletes chunks, zeroes chunks, lowers single choices) and replays it
 * through the very same generator. Whatever {@code map}, {@code flatMap} or {@code filter} did to
 * build the value is redone on the edited choices, so shrinking composes through them for free.
 *
 * <p><b>The contract for generator authors:</b> a shorter list, or one that is smaller at the
 * first place the two differ, must mean a simpler value. In particular choice 0 is always the
 * simplest option (the shortest list, the value nearest 0, the first alternative, "stop").
 */
public final class Source {

    /** More choices than this in one value means a runaway generator, not a big value. */
    static final int MAX_CHOICES = 1 << 20;

    private final long[] prefix;
    private final SplittableRandom random;
    private long[] recorded = new long[16];
    private int count;

    private Source(long[] prefix, SplittableRandom random) {
        this.prefix = prefix;
        this.random = random;
    }

    /** A source of fresh random choices, reproducible from {@code seed}. */
    public static Source random(long seed) {
        return new Source(new long[0], new SplittableRandom(seed));
    }

    /** A source that replays {@code choices} and draws 0 once they run out. */
    public static Source replay(long... choices) {
        return new Source(choices.clone(), null);
    }

    /**
     * The next choice: an integer in {@code [0, bound)}. A bound of 1 leaves no choice: it returns 0
     * and records nothing.
     *
     * @throws IllegalArgumentException if {@code bound} is not positive
     * @throws GeneratorExhausted if the value has already used {@value #MAX_CHOICES} choices
     */
    public long draw(long bound) {
        if (bound < 1) {
            throw new IllegalArgumentException("draw: bound must be positive, got " + bound);
        }
        if (bound == 1) {
            return 0; // no choice to make, so none to record or to shrink
        }
        if (count == MAX_CHOICES) {
            throw new GeneratorExhausted("a generator drew more than " + MAX_CHOICES
                    + " choices for one value; is a list or a recursion unbounded?");
        }
        return record(next(bound));
    }

    private long next(long bound) {
        if (count < prefix.length) {
            return Math.max(0, Math.min(prefix[count], bound - 1));
        }
        return random == null ? 0 : random.nextLong(bound);
    }

    private long record(long choice) {
        if (count == recorded.length) {
            recorded = Arrays.copyOf(recorded, 2 * count);
        }
        recorded[count++] = choice;
        return choice;
    }

    /** The choices handed out so far, in order. */
    public long[] choices() {
        return Arrays.copyOf(recorded, count);
    }
}
