package org.adjoint.autodiff.ops;

import org.adjoint.autodiff.UnaryOp;
import org.adjoint.autodiff.Var;
import org.adjoint.core.Tensor;

/** y = x − log Σ exp(x) along {@code axis}, without overflow;  x̄ = ȳ − exp(y) · Σ ȳ. */
public record LogSoftmax(int axis) implements UnaryOp {

    @Override
    public Tensor forward(Tensor x) {
        return x.logSoftmax(axis);
    }

    @Override
    public Var vjp(Var x, Var y, Var yBar) {
        return yBar.sub(y.exp().mul(yBar.sum(new int[] {axis}, true)));
    }
}
