package org.adjoint.autodiff;

import org.adjoint.core.Tensor;

/** y = arctan x;  x̄ = ȳ / (1 + x²). */
record Atan() implements UnaryOp, Pointwise {

    static final Atan INSTANCE = new Atan();

    @Override
    public Tensor forward(Tensor x) {
        return x.atan();
    }

    @Override
    public Var vjp(Var x, Var y, Var yBar) {
        return yBar.div(x.square().add(1));
    }
}
