package org.adjoint.nn.layers;

import java.util.Objects;
import org.adjoint.autodiff.Var;
import org.adjoint.core.Tensor;
import org.adjoint.nn.Layer;
import org.adjoint.nn.Variables;

/**
 * The "bias trick": appends a column of ones to a batch {@code [n, d] → [n, d + 1]}, so that the
 * following {@link Linear} layer's last weight column acts as its bias.
 */
public record AppendOnes() implements Layer {

    @Override
    public Var forward(Variables params, Var x) {
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(x, "x");
        if (x.shape().rank() != 2) {
            throw new IllegalArgumentException("AppendOnes: expected a batch [n, features] but got shape " + x.shape());
        }
        return Var.concat(1, x, Var.constant(Tensor.ones(x.shape().dim(0), 1)));
    }
}
