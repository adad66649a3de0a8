package org.adjoint.autodiff.ops;

import org.adjoint.autodiff.UnaryOp;
import org.adjoint.autodiff.Var;
import org.adjoint.core.Shape;
import org.adjoint.core.Tensor;

/** y = zeros of {@code shape} with xᵢ added at flat position {@code indices[i]};  x̄ = ȳ.flat[indices] ({@link TakeFlat}). */
public record ScatterAddFlat(IntList indices, Shape shape) implements UnaryOp {

    @Override
    public Tensor forward(Tensor x) {
        return x.scatterAddFlat(indices.array(), shape);
    }

    @Override
    public Var vjp(Var x, Var y, Var yBar) {
        return Var.apply(new TakeFlat(indices, x.shape()), yBar);
    }
}
