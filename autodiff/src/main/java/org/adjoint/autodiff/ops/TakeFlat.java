package org.adjoint.autodiff.ops;

import org.adjoint.autodiff.UnaryOp;
import org.adjoint.autodiff.Var;
import org.adjoint.core.Shape;
import org.adjoint.core.Tensor;

/**
 * y = x.flat[indices] shaped {@code shape} (the selection max pooling makes);
 * x̄ = zeros with ȳᵢ added at {@code indices[i]} ({@link ScatterAddFlat}).
 */
public record TakeFlat(IntList indices, Shape shape) implements UnaryOp {

    @Override
    public Tensor forward(Tensor x) {
        return x.takeFlat(indices.array(), shape);
    }

    @Override
    public Var vjp(Var x, Var y, Var yBar) {
        return Var.apply(new ScatterAddFlat(indices, x.shape()), yBar);
    }
}
