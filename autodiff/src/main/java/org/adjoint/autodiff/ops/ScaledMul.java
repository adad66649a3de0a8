package org.adjoint.autodiff.ops;

import org.adjoint.autodiff.BinaryOp;
import org.adjoint.autodiff.Var;
import org.adjoint.autodiff.engine.Pointwise;
import org.adjoint.core.Tensor;

/**
 * y = (a · b) · c for a constant c (broadcast);  ā = (ȳ · b) · c,  b̄ = (ȳ · a) · c. The derivative
 * of a square, {@code 2·x·ȳ}, is one of these: one pass over memory where {@code ȳ.mul(x.mul(2))}
 * makes two, and the rules are again of this form, at every order.
 */
public record ScaledMul(double c) implements BinaryOp, Pointwise {

    /** Records {@code (a · b) · c}. */
    public static Var apply(Var a, Var b, double c) {
        return Var.apply(new ScaledMul(c), a, b);
    }

    @Override
    public Tensor forward(Tensor a, Tensor b) {
        return a.mul(b, c);
    }

    @Override
    public Var vjpA(Var a, Var b, Var y, Var yBar) {
        return apply(yBar, b, c);
    }

    @Override
    public Var vjpB(Var a, Var b, Var y, Var yBar) {
        return apply(yBar, a, c);
    }
}
