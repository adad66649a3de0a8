package org.adjoint.optim.minimize;

import org.adjoint.core.Tensor;

/**
 * A point of a minimization run with f and ∇f there.
 *
 * @param x        the point
 * @param value    f(x)
 * @param gradient ∇f(x)
 */
record Iterate(Tensor x, double value, Tensor gradient) {

    Iterate(Tensor x, Evaluation e) {
        this(x, e.value(), e.gradient());
    }

    Evaluation evaluation() {
        return new Evaluation(value, gradient);
    }

    double gradientNorm() {
        return Vectors.norm(gradient);
    }
}
