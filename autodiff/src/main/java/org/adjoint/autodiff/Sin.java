package org.adjoint.autodiff;

import org.adjoint.core.Tensor;

/** y = sin x;  x̄ = ȳ · cos x. */
record Sin() implements UnaryOp, Pointwise {

    static final Sin INSTANCE = new Sin();

    @Override
    public Tensor forward(Tensor x) {
        return x.sin();
    }

    @Override
    public Var vjp(Var x, Var y, Var yBar) {
        return yBar.mul(x.cos());
    }
}
