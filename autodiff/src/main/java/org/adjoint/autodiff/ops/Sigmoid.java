package org.adjoint.autodiff.ops;

import org.adjoint.autodiff.UnaryOp;
import org.adjoint.autodiff.Var;
import org.adjoint.autodiff.engine.Pointwise;
import org.adjoint.core.Tensor;

/** y = σ(x) = 1 / (1 + e⁻ˣ);  x̄ = ȳ · y · (1 − y). */
public record Sigmoid() implements UnaryOp, Pointwise {

    public static final Sigmoid INSTANCE = new Sigmoid();

    @Override
    public Tensor forward(Tensor x) {
        return x.sigmoid();
    }

    @Override
    public Var vjp(Var x, Var y, Var yBar) {
        return yBar.mul(y.mul(y.neg().add(1)));
    }
}
