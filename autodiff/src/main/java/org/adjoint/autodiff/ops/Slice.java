package org.adjoint.autodiff.ops;

import org.adjoint.autodiff.UnaryOp;
import org.adjoint.autodiff.Var;
import org.adjoint.core.Tensor;

/** y = x[start:end] along {@code axis};  x̄ = ȳ padded with zeros back to x's extent. */
public record Slice(int axis, int start, int end) implements UnaryOp {

    @Override
    public Tensor forward(Tensor x) {
        return x.slice(axis, start, end);
    }

    @Override
    public Var vjp(Var x, Var y, Var yBar) {
        return yBar.pad(axis, start, x.shape().dim(axis) - end);
    }
}
