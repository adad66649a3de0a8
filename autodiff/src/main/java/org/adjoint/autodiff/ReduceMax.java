package org.adjoint.autodiff;

import java.util.Arrays;
import org.adjoint.core.Tensor;

/** y = max x over {@code axes};  x̄ = ȳ shared equally among the maximal elements. */
record ReduceMax(int[] axes, boolean keepDims) implements UnaryOp {

    @Override
    public Tensor forward(Tensor x) {
        return x.max(axes, keepDims);
    }

    @Override
    public Var vjp(Var x, Var y, Var yBar) {
        return Extremum.vjp(axes, x, y, yBar);
    }

    @Override
    public String toString() {
        return "ReduceMax[axes=" + Arrays.toString(axes) + ", keepDims=" + keepDims + "]";
    }
}
