package org.adjoint.autodiff.ops;

import org.adjoint.autodiff.BinaryOp;
import org.adjoint.autodiff.Var;
import org.adjoint.autodiff.engine.Pointwise;
import org.adjoint.core.Tensor;

/** y = a · b (broadcast);  ā = ȳ · b,  b̄ = ȳ · a. */
public record Mul() implements BinaryOp, Pointwise {

    public static final Mul INSTANCE = new Mul();

    @Override
    public Tensor forward(Tensor a, Tensor b) {
        return a.mul(b);
    }

    @Override
    public Var vjpA(Var a, Var b, Var y, Var yBar) {
        return yBar.mul(b);
    }

    @Override
    public Var vjpB(Var a, Var b, Var y, Var yBar) {
        return yBar.mul(a);
    }
}
