package org.adjoint.autodiff;

import java.util.Arrays;
import org.adjoint.core.Tensor;

/** y = zeros(n, columns) with xᵢ at (i, indices[i]);  x̄ᵢ = ȳ[i, indices[i]]. */
record Scatter(int[] indices, int columns) implements UnaryOp {

    @Override
    public Tensor forward(Tensor x) {
        return x.scatter(indices, columns);
    }

    @Override
    public Var vjp(Var x, Var y, Var yBar) {
        return yBar.gather(indices);
    }

    @Override
    public String toString() {
        return "Scatter[indices=" + Arrays.toString(indices) + ", columns=" + columns + "]";
    }
}
