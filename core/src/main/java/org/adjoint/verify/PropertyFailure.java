package org.adjoint.verify;

/**
 * Thrown when a {@link Property} is falsified. Its message reports the shrunk and the original
 * failing value, the seed and how to replay it; its cause is what the body threw on the shrunk value.
 *
 * <p>The accessors are there for tests of the harness itself and for tools; a property test simply
 * lets this error fail the test.
 */
public final class PropertyFailure extends AssertionError {

    private static final long serialVersionUID = 1L;

    private final transient Falsification falsification;

    PropertyFailure(Falsification falsification) {
        super(falsification.message(), falsification.shrunkFailure());
        this.falsification = falsification;
    }

    /** The simplest failing value found, as the generator made it. */
    public Object shrunkValue() {
        return falsification.shrunk();
    }

    /** The first failing value found. */
    public Object originalValue() {
        return falsification.original();
    }

    /** How many simpler failing values the shrinker adopted on its way to {@link #shrunkValue()}. */
    public int shrinkSteps() {
        return falsification.shrinkSteps();
    }

    /** The seed of the failing try; {@code -Dadjoint.seed=} this replays the failing case as try 1. */
    public long seed() {
        return falsification.run().seed();
    }

    /** The seed the whole run started from. */
    public long masterSeed() {
        return falsification.run().masterSeed();
    }

    /** The number of the failing try, counting from 1 (discarded cases count too). */
    public int tryNumber() {
        return falsification.run().tryNumber();
    }
}
