package org.adjoint.autodiff.ops;

import org.adjoint.autodiff.UnaryOp;
import org.adjoint.autodiff.Var;
import org.adjoint.autodiff.engine.Pointwise;
import org.adjoint.core.Tensor;

/** y = ln(1 + x), accurate for small x;  x̄ = ȳ / (1 + x). */
public record Log1p() implements UnaryOp, Pointwise {

    public static final Log1p INSTANCE = new Log1p();

    @Override
    public Tensor forward(Tensor x) {
        return x.map(Math::log1p);
    }

    @Override
    public Var vjp(Var x, Var y, Var yBar) {
        return yBar.div(x.add(1));
    }

    /** log1p′(x) = 1/(1 + x) overflows at x = −1. */
    @Override
    public boolean singularAtFiniteValues() {
        return true;
    }
}
