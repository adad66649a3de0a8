package org.adjoint.autodiff.ops;

import org.adjoint.autodiff.BinaryOp;
import org.adjoint.autodiff.Var;
import org.adjoint.autodiff.engine.Pointwise;
import org.adjoint.core.Tensor;

/** y = a − b (broadcast);  ā = ȳ,  b̄ = −ȳ. */
public record Sub() implements BinaryOp, Pointwise {

    public static final Sub INSTANCE = new Sub();

    @Override
    public Tensor forward(Tensor a, Tensor b) {
        return a.sub(b);
    }

    @Override
    public Var vjpA(Var a, Var b, Var y, Var yBar) {
        return yBar;
    }

    @Override
    public Var vjpB(Var a, Var b, Var y, Var yBar) {
        return yBar.neg();
    }

    /** The contributions are the cotangent and its negation. */
    @Override
    public boolean zeroCotangentGivesZero() {
        return true;
    }
}
