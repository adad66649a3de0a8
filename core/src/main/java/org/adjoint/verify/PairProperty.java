package org.adjoint.verify;

import java.util.Objects;

/**
 * A {@link Property} over pairs of values whose body takes the two values as separate arguments.
 * Made by {@link Property#forAll(Gen, Gen)}; configured like {@link Property}.
 *
 * @param <A> the type of the first value
 * @param <B> the type of the second value
 */
public final class PairProperty<A, B> {

    /** A property body of two arguments; it fails a case by throwing. */
    @FunctionalInterface
    public interface Body<A, B> {
        /** Checks the claim on one pair of values. */
        void accept(A first, B second) throws Throwable;
    }

    private final Property<Pair<A, B>> pairs;

    PairProperty(Property<Pair<A, B>> pairs) {
        this.pairs = pairs;
    }

    /** See {@link Property#named}. */
    public PairProperty<A, B> named(String name) {
        return new PairProperty<>(pairs.named(Objects.requireNonNull(name, "name")));
    }

    /** See {@link Property#tries}. */
    public PairProperty<A, B> tries(int tries) {
        return new PairProperty<>(pairs.tries(tries));
    }

    /** See {@link Property#scaledTries}. */
    public PairProperty<A, B> scaledTries(double factor) {
        return new PairProperty<>(pairs.scaledTries(factor));
    }

    /** See {@link Property#seed}. */
    public PairProperty<A, B> seed(long seed) {
        return new PairProperty<>(pairs.seed(seed));
    }

    /** See {@link Property#check}; failure reports show the pair as {@code (first, second)}. */
    public void check(Body<? super A, ? super B> body) {
        Objects.requireNonNull(body, "body");
        pairs.check(pair -> body.accept(pair.first(), pair.second()));
    }
}
