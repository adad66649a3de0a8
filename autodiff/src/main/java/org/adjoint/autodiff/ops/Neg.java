package org.adjoint.autodiff.ops;

import org.adjoint.autodiff.UnaryOp;
import org.adjoint.autodiff.Var;
import org.adjoint.autodiff.engine.Pointwise;
import org.adjoint.core.Tensor;

/** y = −x;  x̄ = −ȳ. */
public record Neg() implements UnaryOp, Pointwise {

    public static final Neg INSTANCE = new Neg();

    @Override
    public Tensor forward(Tensor x) {
        return x.neg();
    }

    @Override
    public Var vjp(Var x, Var y, Var yBar) {
        return yBar.neg();
    }

    /** The contribution is the negated cotangent. */
    @Override
    public boolean zeroCotangentGivesZero() {
        return true;
    }
}
