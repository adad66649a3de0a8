package org.adjoint.verify;

/**
 * Three generated values, from {@link Gen#zip(Gen, Gen, Gen)} or {@link Property#forAll(Gen, Gen, Gen)}.
 *
 * @param first the first value
 * @param second the second value
 * @param third the third value
 * @param <A> the type of the first value
 * @param <B> the type of the second value
 * @param <C> the type of the third value
 */
public record Triple<A, B, C>(A first, B second, C third) {

    /** {@code (first, second, third)}, each shown in full. */
    @Override
    public String toString() {
        return "(" + Values.describe(first) + ", " + Values.describe(second) + ", " + Values.describe(third) + ")";
    }
}
