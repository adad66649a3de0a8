package org.adjoint.autodiff;

import java.util.Arrays;
import org.adjoint.core.Tensor;

/** y = x viewed with another shape of the same size;  x̄ = ȳ viewed with x's shape. */
record Reshape(int[] dims) implements UnaryOp {

    @Override
    public Tensor forward(Tensor x) {
        return x.reshape(dims);
    }

    @Override
    public Var vjp(Var x, Var y, Var yBar) {
        return yBar.reshape(x.shape().dims());
    }

    @Override
    public String toString() {
        return "Reshape[dims=" + Arrays.toString(dims) + "]";
    }
}
