package org.adjoint.optim.minimize;

import java.util.Objects;
import org.adjoint.core.Tensor;

/**
 * A function's value and gradient at one point.
 *
 * @param value    f(x)
 * @param gradient ∇f(x), of x's shape
 */
public record Evaluation(double value, Tensor gradient) {

    /** Refuses null components. */
    public Evaluation {
        Objects.requireNonNull(gradient, "gradient");
    }

    /** Whether the value and every gradient element are finite. */
    public boolean isFinite() {
        return Double.isFinite(value) && gradient.isFinite();
    }
}
