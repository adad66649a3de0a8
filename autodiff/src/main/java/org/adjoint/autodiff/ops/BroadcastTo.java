package org.adjoint.autodiff.ops;

import org.adjoint.autodiff.UnaryOp;
import org.adjoint.autodiff.Var;
import org.adjoint.core.Shape;
import org.adjoint.core.Tensor;

/** y = x broadcast to {@code shape};  x̄ = ȳ summed back to x's shape. */
public record BroadcastTo(Shape shape) implements UnaryOp {

    @Override
    public Tensor forward(Tensor x) {
        return x.broadcastTo(shape);
    }

    @Override
    public Var vjp(Var x, Var y, Var yBar) {
        return yBar.sumTo(x.shape());
    }
}
