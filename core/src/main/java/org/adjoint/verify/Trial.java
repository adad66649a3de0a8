package org.adjoint.verify;

/**
 * One run of a property's body on one generated value, and how it ended.
 *
 * @param choices the choices the value was generated from
 * @param value the generated value; null if generation failed
 * @param outcome how the run ended
 * @param failure what the generator or the body threw; null if nothing was thrown
 */
record Trial<T>(long[] choices, T value, Outcome outcome, Throwable failure) {

    /** How a run ended. */
    enum Outcome {
        /** The body returned normally. */
        PASSED,
        /** The body called {@link Property#assume} with {@code false}. */
        DISCARDED,
        /** The generator could not make a value from these choices. */
        INVALID,
        /** The body threw: the property is falsified. */
        FAILED
    }

    /** Generates a value from {@code source} and runs {@code body} on it. */
    static <T> Trial<T> run(Gen<T> gen, Property.Body<? super T> body, Source source) {
        T value;
        try {
            value = gen.generate(source);
        } catch (RuntimeException e) {
            return new Trial<>(source.choices(), null, Outcome.INVALID, e);
        }
        try {
            body.accept(value);
            return new Trial<>(source.choices(), value, Outcome.PASSED, null);
        } catch (DiscardedCase discarded) {
            return new Trial<>(source.choices(), value, Outcome.DISCARDED, null);
        } catch (Throwable t) {
            return new Trial<>(source.choices(), value, Outcome.FAILED, t);
        }
    }

    /** Whether this run failed with an exception of exactly the given class. */
    boolean failsWith(Class<? extends Throwable> failureClass) {
        return outcome == Outcome.FAILED && failure.getClass() == failureClass;
    }
}
