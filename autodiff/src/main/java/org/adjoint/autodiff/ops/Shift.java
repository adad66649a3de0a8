package org.adjoint.autodiff.ops;

import org.adjoint.autodiff.UnaryOp;
import org.adjoint.autodiff.Var;
import org.adjoint.autodiff.engine.Pointwise;
import org.adjoint.core.Tensor;

/** y = x + c for a constant c;  x̄ = ȳ. */
public record Shift(double c) implements UnaryOp, Pointwise {

    @Override
    public Tensor forward(Tensor x) {
        return x.add(c);
    }

    @Override
    public Var vjp(Var x, Var y, Var yBar) {
        return yBar;
    }

    /** The contribution is the cotangent itself. */
    @Override
    public boolean zeroCotangentGivesZero() {
        return true;
    }
}
