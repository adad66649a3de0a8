package org.adjoint.optim.minimize.internal;

import org.adjoint.core.Tensor;
import org.adjoint.optim.minimize.Evaluation;

/**
 * A point of a minimization run with f and ∇f there.
 *
 * @param x        the point
 * @param value    f(x)
 * @param gradient ∇f(x)
 */
public record Iterate(Tensor x, double value, Tensor gradient) {

    /** The iterate at {@code x} with f and ∇f from {@code e}. */
    public Iterate(Tensor x, Evaluation e) {
        this(x, e.value(), e.gradient());
    }

    /** f and ∇f here, as an {@link Evaluation}. */
    public Evaluation evaluation() {
        return new Evaluation(value, gradient);
    }

    /** ‖∇f‖₂ here. */
    public double gradientNorm() {
        return Vectors.norm(gradient);
    }
}
