package org.adjoint.autodiff;

import org.adjoint.core.Tensor;

/** y = cos x;  x̄ = −ȳ · sin x. */
record Cos() implements UnaryOp, Pointwise {

    static final Cos INSTANCE = new Cos();

    @Override
    public Tensor forward(Tensor x) {
        return x.cos();
    }

    @Override
    public Var vjp(Var x, Var y, Var yBar) {
        return yBar.mul(x.sin()).neg();
    }
}
