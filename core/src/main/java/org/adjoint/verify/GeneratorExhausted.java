package org.adjoint.verify;

/**
 * Thrown when a generator cannot produce a value: a {@link Gen#filter filter} rejected too many
 * values in a row, or a generator drew an absurd number of choices.
 *
 * <p>During the random phase of a property this is a bug in the generator and fails the test.
 * While shrinking it only marks an edited choice sequence as unusable.
 */
public final class GeneratorExhausted extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** An exhaustion with a message saying which generator gave up and why. */
    public GeneratorExhausted(String message) {
        super(message);
    }
}
