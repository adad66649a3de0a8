package org.adjoint.autodiff.ops;

import org.adjoint.autodiff.UnaryOp;
import org.adjoint.autodiff.Var;
import org.adjoint.autodiff.engine.Pointwise;
import org.adjoint.core.Tensor;

/** y = c · x for a constant c;  x̄ = c · ȳ. */
public record Scale(double c) implements UnaryOp, Pointwise {

    @Override
    public Tensor forward(Tensor x) {
        return x.mul(c);
    }

    @Override
    public Var vjp(Var x, Var y, Var yBar) {
        return yBar.mul(c);
    }

    /** The contribution is the cotangent times c: zero where it is, if c is finite. */
    @Override
    public boolean zeroCotangentGivesZero() {
        return Double.isFinite(c);
    }
}
