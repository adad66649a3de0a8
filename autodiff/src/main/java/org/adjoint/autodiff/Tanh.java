package org.adjoint.autodiff;

import org.adjoint.core.Tensor;

/** y = tanh x;  x̄ = ȳ · (1 − y²). */
record Tanh() implements UnaryOp, Pointwise {

    static final Tanh INSTANCE = new Tanh();

    @Override
    public Tensor forward(Tensor x) {
        return x.tanh();
    }

    @Override
    public Var vjp(Var x, Var y, Var yBar) {
        return yBar.mul(y.square().neg().add(1));
    }
}
