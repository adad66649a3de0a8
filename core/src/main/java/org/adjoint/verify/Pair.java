package org.adjoint.verify;

/**
 * Two generated values, from {@link Gen#zip(Gen, Gen)} or {@link Property#forAll(Gen, Gen)}.
 *
 * @param first the first value
 * @param second the second value
 * @param <A> the type of the first value
 * @param <B> the type of the second value
 */
public record Pair<A, B>(A first, B second) {

    /** {@code (first, second)}, each shown in full (arrays element by element, doubles to the last bit). */
    @Override
    public String toString() {
        return "(" + Values.describe(first) + ", " + Values.describe(second) + ")";
    }
}
