package org.adjoint.autodiff;

import java.util.Arrays;
import org.adjoint.core.Tensor;

/** yᵢ = x[i, indices[i]];  x̄ = zeros with ȳᵢ scattered to (i, indices[i]). */
record Gather(int[] indices) implements UnaryOp {

    @Override
    public Tensor forward(Tensor x) {
        return x.gather(indices);
    }

    @Override
    public Var vjp(Var x, Var y, Var yBar) {
        return yBar.scatter(indices, x.shape().dim(1));
    }

    @Override
    public String toString() {
        return "Gather[indices=" + Arrays.toString(indices) + "]";
    }
}
