package org.adjoint.autodiff.ops;

import org.adjoint.autodiff.UnaryOp;
import org.adjoint.autodiff.Var;
import org.adjoint.autodiff.engine.Pointwise;
import org.adjoint.core.Tensor;

/** y = arctan x;  x̄ = ȳ / (1 + x²). */
public record Atan() implements UnaryOp, Pointwise {

    public static final Atan INSTANCE = new Atan();

    @Override
    public Tensor forward(Tensor x) {
        return x.atan();
    }

    @Override
    public Var vjp(Var x, Var y, Var yBar) {
        return yBar.div(x.square().add(1));
    }
}
