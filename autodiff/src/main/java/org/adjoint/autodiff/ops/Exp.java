package org.adjoint.autodiff.ops;

import org.adjoint.autodiff.UnaryOp;
import org.adjoint.autodiff.Var;
import org.adjoint.autodiff.engine.Pointwise;
import org.adjoint.core.Tensor;

/** y = eˣ;  x̄ = ȳ · y. */
public record Exp() implements UnaryOp, Pointwise {

    public static final Exp INSTANCE = new Exp();

    @Override
    public Tensor forward(Tensor x) {
        return x.exp();
    }

    @Override
    public Var vjp(Var x, Var y, Var yBar) {
        return yBar.mul(y);
    }
}
