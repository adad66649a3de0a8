package org.adjoint.autodiff;

import org.adjoint.core.Tensor;

/**
 * y = (a · b) · c for a constant c (broadcast);  ā = (ȳ · b) · c,  b̄ = (ȳ · a) · c. The derivative
 * of a square, {@code 2·x·ȳ}, is one of these: one pass over memory where {@code ȳ.mul(x.mul(2))}
 * makes two, and the rules are again of this form, at every order.
 */
record ScaledMul(double c) implements BinaryOp, Pointwise {

    @Override
    public Tensor forward(Tensor a, Tensor b) {
        return a.mul(b, c);
    }

    @Override
    public Var vjpA(Var a, Var b, Var y, Var yBar) {
        return yBar.mulScaled(b, c);
    }

    @Override
    public Var vjpB(Var a, Var b, Var y, Var yBar) {
        return yBar.mulScaled(a, c);
    }
}
