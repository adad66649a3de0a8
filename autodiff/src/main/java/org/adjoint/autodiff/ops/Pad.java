package org.adjoint.autodiff.ops;

import org.adjoint.autodiff.UnaryOp;
import org.adjoint.autodiff.Var;
import org.adjoint.core.Tensor;

/** y = x with zeros added along {@code axis};  x̄ = the slice of ȳ where x was placed. */
public record Pad(int axis, int before, int after) implements UnaryOp {

    @Override
    public Tensor forward(Tensor x) {
        return x.pad(axis, before, after);
    }

    @Override
    public Var vjp(Var x, Var y, Var yBar) {
        return yBar.slice(axis, before, before + x.shape().dim(axis));
    }
}
