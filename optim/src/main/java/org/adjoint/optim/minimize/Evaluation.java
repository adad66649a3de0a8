package org.adjoint.optim.minimize;

import org.adjoint.core.Tensor;

/**
 * A function's value and gradient at one point.
 *
 * @param value    f(x)
 * @param gradient ∇f(x), of x's shape
 */
public record Evaluation(double value, Tensor gradient) {

    /** Whether the value and every gradient element are finite. */
    public boolean isFinite() {
        return Double.isFinite(value) && gradient.isFinite();
    }
}
