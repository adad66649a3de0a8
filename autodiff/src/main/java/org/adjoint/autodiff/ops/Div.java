package org.adjoint.autodiff.ops;

import org.adjoint.autodiff.BinaryOp;
import org.adjoint.autodiff.Var;
import org.adjoint.autodiff.engine.Pointwise;
import org.adjoint.core.Tensor;

/** y = a / b (broadcast);  ā = ȳ / b,  b̄ = −ȳ · y / b. */
public record Div() implements BinaryOp, Pointwise {

    public static final Div INSTANCE = new Div();

    @Override
    public Tensor forward(Tensor a, Tensor b) {
        return a.div(b);
    }

    @Override
    public Var vjpA(Var a, Var b, Var y, Var yBar) {
        return yBar.div(b);
    }

    @Override
    public Var vjpB(Var a, Var b, Var y, Var yBar) {
        return yBar.mul(y).div(b).neg();
    }

    /** 1/b overflows at b = 0 and next to it. */
    @Override
    public boolean singularAtFiniteValues() {
        return true;
    }
}
