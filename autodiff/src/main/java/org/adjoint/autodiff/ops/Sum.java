package org.adjoint.autodiff.ops;

import org.adjoint.autodiff.UnaryOp;
import org.adjoint.autodiff.Var;
import org.adjoint.core.Tensor;

/** y = Σ x over {@code axes};  x̄ = ȳ broadcast back over the summed axes. */
public record Sum(IntList axes, boolean keepDims) implements UnaryOp {

    @Override
    public Tensor forward(Tensor x) {
        return x.sum(axes.array(), keepDims);
    }

    @Override
    public Var vjp(Var x, Var y, Var yBar) {
        return yBar.reshape(x.shape().reduce(axes.array(), true)).broadcastTo(x.shape());
    }
}
