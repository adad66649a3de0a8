package org.adjoint.autodiff.ops;

import org.adjoint.autodiff.UnaryOp;
import org.adjoint.autodiff.Var;
import org.adjoint.core.Tensor;

/** y = zeros(n, columns) with xᵢ at (i, indices[i]);  x̄ᵢ = ȳ[i, indices[i]]. */
public record Scatter(IntList indices, int columns) implements UnaryOp {

    @Override
    public Tensor forward(Tensor x) {
        return x.scatter(indices.array(), columns);
    }

    @Override
    public Var vjp(Var x, Var y, Var yBar) {
        return yBar.gather(indices.array());
    }
}
