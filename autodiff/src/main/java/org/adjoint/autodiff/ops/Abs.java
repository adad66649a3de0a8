package org.adjoint.autodiff.ops;

import org.adjoint.autodiff.UnaryOp;
import org.adjoint.autodiff.Var;
import org.adjoint.autodiff.engine.Pointwise;
import org.adjoint.core.Tensor;

/** y = |x|;  x̄ = ȳ · sign(x). The subgradient at 0 is sign(0) = 0, as in PyTorch. */
public record Abs() implements UnaryOp, Pointwise {

    public static final Abs INSTANCE = new Abs();

    @Override
    public Tensor forward(Tensor x) {
        return x.abs();
    }

    @Override
    public Var vjp(Var x, Var y, Var yBar) {
        return yBar.mul(Var.constant(x.value().sign()));
    }
}
