package org.adjoint.autodiff.ops;

import org.adjoint.autodiff.UnaryOp;
import org.adjoint.autodiff.Var;
import org.adjoint.autodiff.engine.Pointwise;
import org.adjoint.core.Tensor;

/** y = eˣ − 1, accurate for small x;  x̄ = ȳ · eˣ. */
public record Expm1() implements UnaryOp, Pointwise {

    public static final Expm1 INSTANCE = new Expm1();

    @Override
    public Tensor forward(Tensor x) {
        return x.map(Math::expm1);
    }

    @Override
    public Var vjp(Var x, Var y, Var yBar) {
        return yBar.mul(x.exp());
    }
}
