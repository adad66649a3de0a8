package org.adjoint.verify;

import java.util.Objects;
import org.adjoint.core.Shape;

/**
 * Two shapes that broadcast together under NumPy's rules, from {@link TensorGens#broadcastPairs}.
 *
 * @param left the first operand's shape
 * @param right the second operand's shape
 */
public record BroadcastPair(Shape left, Shape right) {

    /**
     * A pair of shapes that broadcast together.
     *
     * @throws IllegalArgumentException if they do not
     */
    public BroadcastPair {
        Shape.broadcast("BroadcastPair", Objects.requireNonNull(left, "left"), Objects.requireNonNull(right, "right"));
    }

    /** The shape that {@code left} and {@code right} broadcast to. */
    public Shape result() {
        return Shape.broadcast("BroadcastPair", left, right);
    }

    /** {@code [2, 1, 3] with [4, 3]}. */
    @Override
    public String toString() {
        return left + " with " + right;
    }
}
