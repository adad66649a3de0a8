package org.adjoint.autodiff.ops;

import org.adjoint.autodiff.UnaryOp;
import org.adjoint.autodiff.Var;
import org.adjoint.core.Tensor;

/** y = min x over {@code axes};  x̄ = ȳ shared equally among the minimal elements. */
public record ReduceMin(IntList axes, boolean keepDims) implements UnaryOp {

    @Override
    public Tensor forward(Tensor x) {
        return x.min(axes.array(), keepDims);
    }

    @Override
    public Var vjp(Var x, Var y, Var yBar) {
        return Extremum.vjp(axes.array(), x, y, yBar);
    }
}
