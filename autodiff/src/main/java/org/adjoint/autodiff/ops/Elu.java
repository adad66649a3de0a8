package org.adjoint.autodiff.ops;

import org.adjoint.autodiff.UnaryOp;
import org.adjoint.autodiff.Var;
import org.adjoint.autodiff.engine.Pointwise;
import org.adjoint.core.Tensor;

/**
 * y = x for x &gt; 0 and α · (eˣ − 1) otherwise;  x̄ = ȳ for x &gt; 0 and ȳ · α · eˣ otherwise. At 0 the
 * derivative is taken from the left, α, as in PyTorch's {@code elu}; the second derivative there is
 * the left one, α, too (the right one is 0). The branches are selected with {@link Var#where}, so the
 * branch not taken contributes nothing, not 0 · ∞.
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
        Tensor positive = x.value().map(v -> v > 0 ? 1 : 0);
        return Var.where(positive, yBar, yBar.mul(x.exp().mul(alpha)));
    }
}
