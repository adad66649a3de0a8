package org.adjoint.autodiff.ops;

import org.adjoint.autodiff.UnaryOp;
import org.adjoint.autodiff.Var;
import org.adjoint.autodiff.engine.Pointwise;
import org.adjoint.core.Tensor;

/** y = sin x;  x̄ = ȳ · cos x. */
public record Sin() implements UnaryOp, Pointwise {

    public static final Sin INSTANCE = new Sin();

    @Override
    public Tensor forward(Tensor x) {
        return x.sin();
    }

    @Override
    public Var vjp(Var x, Var y, Var yBar) {
        return yBar.mul(x.cos());
    }
}
