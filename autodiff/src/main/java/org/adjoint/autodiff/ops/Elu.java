package org.adjoint.autodiff.ops;

import org.adjoint.autodiff.UnaryOp;
import org.adjoint.autodiff.Var;
import org.adjoint.autodiff.engine.Pointwise;
import org.adjoint.core.Tensor;

/**
 * y = x for x &gt; 0 and α · (eˣ − 1) otherwise;  x̄ = ȳ for x &gt; 0 and ȳ · α · eˣ for x &lt; 0. At 0
 * the derivative is the left one, α, and the second derivative 0, both as in PyTorch's {@code elu}
 * (α is a constant factor there). The branches are selected with {@link Var#where}, so the branch
 * not taken contributes nothing, not 0 · ∞; a NaN input gives a NaN gradient.
 */
public record Elu(double alpha) implements UnaryOp, Pointwise {

    public Elu {
        if (!Double.isFinite(alpha)) {
            throw new IllegalArgumentException("elu: alpha = " + alpha + " must be finite");
        }
    }

    @Override
    public Tensor forward(Tensor x) {
        return x.map(v -> v > 0 ? v : alpha * Math.expm1(v));
    }

    @Override
    public Var vjp(Var x, Var y, Var yBar) {
        Tensor negative = x.value().map(v -> v < 0 ? 1 : 0);
        Tensor factor = x.value().map(v -> v > 0 ? 1 : v == 0 ? alpha : Double.NaN);
        return Var.where(negative, yBar.mul(x.exp().mul(alpha)), yBar.mul(Var.constant(factor)));
    }
}
