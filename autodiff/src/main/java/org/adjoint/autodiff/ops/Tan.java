package org.adjoint.autodiff.ops;

import org.adjoint.autodiff.UnaryOp;
import org.adjoint.autodiff.Var;
import org.adjoint.autodiff.engine.Pointwise;
import org.adjoint.core.Tensor;

/** y = tan x;  x̄ = ȳ · (1 + y²). */
public record Tan() implements UnaryOp, Pointwise {

    public static final Tan INSTANCE = new Tan();

    @Override
    public Tensor forward(Tensor x) {
        return x.tan();
    }

    @Override
    public Var vjp(Var x, Var y, Var yBar) {
        return yBar.mul(y.square().add(1));
    }

    /** tan′ = 1 + tan² overflows near the poles. */
    @Override
    public boolean singularAtFiniteValues() {
        return true;
    }
}
