package org.adjoint.autodiff.ops;

import org.adjoint.autodiff.UnaryOp;
import org.adjoint.autodiff.Var;
import org.adjoint.core.Tensor;

/** yᵢ = x[i, indices[i]];  x̄ = zeros with ȳᵢ scattered to (i, indices[i]). */
public record Gather(IntList indices) implements UnaryOp {

    @Override
    public Tensor forward(Tensor x) {
        return x.gather(indices.array());
    }

    @Override
    public Var vjp(Var x, Var y, Var yBar) {
        return yBar.scatter(indices.array(), x.shape().dim(1));
    }
}
