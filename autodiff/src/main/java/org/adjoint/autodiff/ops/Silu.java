package org.adjoint.autodiff.ops;

import org.adjoint.autodiff.UnaryOp;
import org.adjoint.autodiff.Var;
import org.adjoint.autodiff.engine.Pointwise;
import org.adjoint.core.Tensor;

/** SiLU (swish): y = x · σ(x);  x̄ = ȳ · σ(x) · (1 + x · (1 − σ(x))). */
public record Silu() implements UnaryOp, Pointwise {

    public static final Silu INSTANCE = new Silu();

    @Override
    public Tensor forward(Tensor x) {
        return x.mul(x.sigmoid());
    }

    @Override
    public Var vjp(Var x, Var y, Var yBar) {
        Var s = x.sigmoid();
        return yBar.mul(s.mul(x.mul(s.neg().add(1)).add(1)));
    }
}
