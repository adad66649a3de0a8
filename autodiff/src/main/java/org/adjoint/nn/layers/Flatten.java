package org.adjoint.nn.layers;

import java.util.Objects;
import org.adjoint.autodiff.Var;
import org.adjoint.nn.Layer;
import org.adjoint.nn.Variables;

/** Flattens every axis but the first: (N, d₁, …, dₖ) → (N, d₁·…·dₖ), as PyTorch's {@code nn.Flatten()}. */
public record Flatten() implements Layer {

    @Override
    public Var forward(Variables params, Var x) {
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(x, "x");
        if (x.shape().rank() < 1) {
            throw new IllegalArgumentException("Flatten: input " + x.shape() + " must have a batch axis");
        }
        return x.reshape(x.shape().dim(0), -1);
    }
}
