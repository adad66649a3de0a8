package org.adjoint.autodiff.ops;

import org.adjoint.autodiff.UnaryOp;
import org.adjoint.autodiff.Var;
import org.adjoint.core.Shape;
import org.adjoint.core.Tensor;

/** y = x viewed with another shape of the same size;  x̄ = ȳ viewed with x's shape. */
public record Reshape(Shape shape) implements UnaryOp {

    @Override
    public Tensor forward(Tensor x) {
        return x.reshape(shape);
    }

    @Override
    public Var vjp(Var x, Var y, Var yBar) {
        return yBar.reshape(x.shape());
    }
}
