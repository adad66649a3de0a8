package org.adjoint.autodiff.ops;

import org.adjoint.autodiff.UnaryOp;
import org.adjoint.autodiff.Var;
import org.adjoint.autodiff.engine.Pointwise;
import org.adjoint.core.Tensor;

/** y = tanh x;  x̄ = ȳ · (1 − y²). */
public record Tanh() implements UnaryOp, Pointwise {

    public static final Tanh INSTANCE = new Tanh();

    @Override
    public Tensor forward(Tensor x) {
        return x.tanh();
    }

    @Override
    public Var vjp(Var x, Var y, Var yBar) {
        return yBar.mul(y.square().neg().add(1));
    }
}
