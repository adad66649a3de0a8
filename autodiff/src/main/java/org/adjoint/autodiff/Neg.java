package org.adjoint.autodiff;

import org.adjoint.core.Tensor;

/** y = −x;  x̄ = −ȳ. */
record Neg() implements UnaryOp, Pointwise {

    static final Neg INSTANCE = new Neg();

    @Override
    public Tensor forward(Tensor x) {
        return x.neg();
    }

    @Override
    public Var vjp(Var x, Var y, Var yBar) {
        return yBar.neg();
    }

    /** The contribution is the negated cotangent. */
    @Override
    public boolean zeroCotangentGivesZero() {
        return true;
    }
}
