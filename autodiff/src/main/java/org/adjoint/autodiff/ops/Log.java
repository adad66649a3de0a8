package org.adjoint.autodiff.ops;

import org.adjoint.autodiff.UnaryOp;
import org.adjoint.autodiff.Var;
import org.adjoint.autodiff.engine.Pointwise;
import org.adjoint.core.Tensor;

/** y = ln x;  x̄ = ȳ / x. */
public record Log() implements UnaryOp, Pointwise {

    public static final Log INSTANCE = new Log();

    @Override
    public Tensor forward(Tensor x) {
        return x.log();
    }

    @Override
    public Var vjp(Var x, Var y, Var yBar) {
        return yBar.div(x);
    }

    /** log′(x) = 1/x overflows at 0 and at the smallest subnormals. */
    @Override
    public boolean singularAtFiniteValues() {
        return true;
    }
}
