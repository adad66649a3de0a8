package org.adjoint.autodiff;

import org.adjoint.core.Shape;
import org.adjoint.core.Tensor;

/** y = x broadcast to {@code shape};  x̄ = ȳ summed back to x's shape. */
record BroadcastTo(Shape shape) implements UnaryOp {

    @Override
    public Tensor forward(Tensor x) {
        return x.broadcastTo(shape);
    }

    @Override
    public Var vjp(Var x, Var y, Var yBar) {
        return yBar.sumTo(x.shape());
    }
}
