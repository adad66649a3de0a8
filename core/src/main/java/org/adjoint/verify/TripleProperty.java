package org.adjoint.verify;

import java.util.Objects;

/**
 * A {@link Property} over triples of values whose body takes the three values as separate
 * arguments. Made by {@link Property#forAll(Gen, Gen, Gen)}; configured like {@link Property}.
 *
 * @param <A> the type of the first value
 * @param <B> the type of the second value
 * @param <C> the type of the third value
 */
public final class TripleProperty<A, B, C> {

    /** A property body of three arguments; it fails a case by throwing. */
    @FunctionalInterface
    public interface Body<A, B, C> {
        /** Checks the claim on one triple of values. */
        void accept(A first, B second, C third) throws Throwable;
    }

    private final Property<Triple<A, B, C>> triples;

    TripleProperty(Property<Triple<A, B, C>> triples) {
        this.triples = triples;
    }

    /** See {@link Property#named}. */
    public TripleProperty<A, B, C> named(String name) {
        return new TripleProperty<>(triples.named(Objects.requireNonNull(name, "name")));
    }

    /** See {@link Property#tries}. */
    public TripleProperty<A, B, C> tries(int tries) {
        return new TripleProperty<>(triples.tries(tries));
    }

    /** See {@link Property#scaledTries}. */
    public TripleProperty<A, B, C> scaledTries(double factor) {
        return new TripleProperty<>(triples.scaledTries(factor));
    }

    /** See {@link Property#seed}. */
    public TripleProperty<A, B, C> seed(long seed) {
        return new TripleProperty<>(triples.seed(seed));
    }

    /** See {@link Property#check}; failure reports show the triple as {@code (first, second, third)}. */
    public void check(Body<? super A, ? super B, ? super C> body) {
        Objects.requireNonNull(body, "body");
        triples.check(triple -> body.accept(triple.first(), triple.second(), triple.third()));
    }
}
