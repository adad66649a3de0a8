package org.adjoint.autodiff;

import org.adjoint.core.Tensor;

/** y = eˣ;  x̄ = ȳ · y. */
record Exp() implements UnaryOp, Pointwise {

    static final Exp INSTANCE = new Exp();

    @Override
    public Tensor forward(Tensor x) {
        return x.exp();
    }

    @Override
    public Var vjp(Var x, Var y, Var yBar) {
        return yBar.mul(y);
    }
}
