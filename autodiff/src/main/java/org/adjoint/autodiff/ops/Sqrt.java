package org.adjoint.autodiff.ops;

import org.adjoint.autodiff.UnaryOp;
import org.adjoint.autodiff.Var;
import org.adjoint.autodiff.engine.Pointwise;
import org.adjoint.core.Tensor;

/** y = √x;  x̄ = ȳ / (2y). */
public record Sqrt() implements UnaryOp, Pointwise {

    public static final Sqrt INSTANCE = new Sqrt();

    @Override
    public Tensor forward(Tensor x) {
        return x.sqrt();
    }

    @Override
    public Var vjp(Var x, Var y, Var yBar) {
        return yBar.div(y.mul(2));
    }

    /** sqrt′(0) = +∞. */
    @Override
    public boolean singularAtFiniteValues() {
        return true;
    }
}
