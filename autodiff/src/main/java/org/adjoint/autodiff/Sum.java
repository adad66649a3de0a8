package org.adjoint.autodiff;

import org.adjoint.core.Tensor;

/** y = Σ x over {@code axes};  x̄ = ȳ broadcast back over the summed axes. */
record Sum(int[] axes, boolean keepDims) implements UnaryOp {

    @Override
    public Tensor forward(Tensor x) {
        return x.sum(axes, keepDims);
    }

    @Override
    public Var vjp(Var x, Var y, Var yBar) {
        return yBar.reshape(Axes.kept(x.shape(), axes).dims()).broadcastTo(x.shape());
    }

    @Override
    public String toString() {
        return "Sum[axes=" + Axes.describe(axes) + ", keepDims=" + keepDims + "]";
    }
}
