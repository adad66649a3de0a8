package org.adjoint.autodiff.ops;

import org.adjoint.autodiff.UnaryOp;
import org.adjoint.autodiff.Var;
import org.adjoint.core.Shape;
import org.adjoint.core.Tensor;

/** y = x summed over broadcast axes down to {@code shape};  x̄ = ȳ broadcast back to x's shape. */
public record SumTo(Shape shape) implements UnaryOp {

    @Override
    public Tensor forward(Tensor x) {
        return x.sumTo(shape);
    }

    @Override
    public Var vjp(Var x, Var y, Var yBar) {
        return yBar.broadcastTo(x.shape());
    }
}
