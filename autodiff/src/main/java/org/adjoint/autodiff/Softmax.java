package org.adjoint.autodiff;

import org.adjoint.core.Tensor;

/** y = exp(x) / Σ exp(x) along {@code axis}, without overflow;  x̄ = y · (ȳ − Σ ȳ · y). */
record Softmax(int axis) implements UnaryOp {

    @Override
    public Tensor forward(Tensor x) {
        return x.softmax(axis);
    }

    @Override
    public Var vjp(Var x, Var y, Var yBar) {
        return y.mul(yBar.sub(yBar.mul(y).sum(new int[] {axis}, true)));
    }
}
