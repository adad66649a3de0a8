package org.adjoint.autodiff.ops;

import org.adjoint.autodiff.BinaryOp;
import org.adjoint.autodiff.Var;
import org.adjoint.autodiff.engine.Pointwise;
import org.adjoint.core.Tensor;

/**
 * y = mask ? a : b (all three broadcast);  ā = mask ? ȳ : 0,  b̄ = mask ? 0 : ȳ. The cotangents are
 * selected rather than multiplied by the mask, so an infinite or NaN ȳ in the branch not chosen
 * cannot turn into NaN; and the exact zeros the branch not chosen receives pull back to zeros through
 * the ops that computed it, even where their derivatives are infinite or NaN ({@link Pointwise}).
 */
public record Where(Tensor mask) implements BinaryOp, Pointwise {

    private static final Var ZERO = Var.constant(0);

    @Override
    public Tensor forward(Tensor a, Tensor b) {
        return Tensor.where(mask, a, b);
    }

    @Override
    public Var vjpA(Var a, Var b, Var y, Var yBar) {
        return Var.where(mask, yBar, ZERO);
    }

    @Override
    public Var vjpB(Var a, Var b, Var y, Var yBar) {
        return Var.where(mask, ZERO, yBar);
    }

    @Override
    public String toString() {
        return "Where[mask of shape " + mask.shape() + "]";
    }

    /** The contributions select the cotangent or 0. */
    @Override
    public boolean zeroCotangentGivesZero() {
        return true;
    }
}
