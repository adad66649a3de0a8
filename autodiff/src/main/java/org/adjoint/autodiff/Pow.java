package org.adjoint.autodiff;

import org.adjoint.core.Tensor;

/** y = aᵇ (broadcast);  ā = ȳ · b · aᵇ⁻¹,  b̄ = ȳ · y · ln a (defined for a > 0; a constant exponent never evaluates it). */
record Pow() implements BinaryOp, Pointwise {

    static final Pow INSTANCE = new Pow();

    @Override
    public Tensor forward(Tensor a, Tensor b) {
        return a.pow(b);
    }

    @Override
    public Var vjpA(Var a, Var b, Var y, Var yBar) {
        return yBar.mul(b).mul(a.pow(b.sub(1)));
    }

    @Override
    public Var vjpB(Var a, Var b, Var y, Var yBar) {
        return yBar.mul(y).mul(a.log());
    }
}
