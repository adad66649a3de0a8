package org.adjoint.autodiff.ops;

import org.adjoint.autodiff.UnaryOp;
import org.adjoint.autodiff.Var;
import org.adjoint.autodiff.engine.Pointwise;
import org.adjoint.core.Tensor;

/**
 * y = xᵖ for a constant p;  x̄ = ȳ · p · xᵖ⁻¹. For p = 0 the derivative is 0 everywhere (also at
 * x = 0, where the formula would give 0 · ∞).
 */
public record PowConstant(double p) implements UnaryOp, Pointwise {

    @Override
    public Tensor forward(Tensor x) {
        return p == 2 ? x.square() : x.pow(p);
    }

    @Override
    public Var vjp(Var x, Var y, Var yBar) {
        if (p == 0) {
            return yBar.mul(0);
        }
        if (p == 1) {
            return yBar;
        }
        if (p == 2) {
            return ScaledMul.apply(yBar, x, 2); // the commonest power in one pass
        }
        return yBar.mul(x.pow(p - 1).mul(p));
    }

    /** Xᵖ⁻¹ is infinite at x = 0 for p &lt; 1. */
    @Override
    public boolean singularAtFiniteValues() {
        return p < 1;
    }
}
