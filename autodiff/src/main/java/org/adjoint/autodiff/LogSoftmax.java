package org.adjoint.autodiff;

import org.adjoint.core.Tensor;

/** y = x − log Σ exp(x) along {@code axis}, without overflow;  x̄ = ȳ − exp(y) · Σ ȳ. */
record LogSoftmax(int axis) implements UnaryOp {

    @Override
    public Tensor forward(Tensor x) {
        return x.logSoftmax(axis);
    }

    @Override
    public Var vjp(Var x, Var y, Var yBar) {
        return yBar.sub(y.exp().mul(yBar.sum(new int[] {axis}, true)));
    }
}
