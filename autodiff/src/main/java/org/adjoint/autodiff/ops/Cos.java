package org.adjoint.autodiff.ops;

import org.adjoint.autodiff.UnaryOp;
import org.adjoint.autodiff.Var;
import org.adjoint.autodiff.engine.Pointwise;
import org.adjoint.core.Tensor;

/** y = cos x;  x̄ = −ȳ · sin x. */
public record Cos() implements UnaryOp, Pointwise {

    public static final Cos INSTANCE = new Cos();

    @Override
    public Tensor forward(Tensor x) {
        return x.cos();
    }

    @Override
    public Var vjp(Var x, Var y, Var yBar) {
        return yBar.mul(x.sin()).neg();
    }
}
