package org.adjoint.autodiff.ops;

import org.adjoint.autodiff.UnaryOp;
import org.adjoint.autodiff.Var;
import org.adjoint.core.Tensor;

/**
 * y = exp(x) / Σ exp(x) with the sums over {@code axes} (one axis for {@link Var#softmax}; the axes of
 * a log-sum-exp for its derivative), without overflow;  x̄ = y · (ȳ − Σ ȳ · y). Infinite elements
 * are limits ({@link Tensor#softmax(int[])}), so y, and with it x̄, is finite wherever no element is NaN.
 */
public record Softmax(IntList axes) implements UnaryOp {

    @Override
    public Tensor forward(Tensor x) {
        return x.softmax(axes.array());
    }

    @Override
    public Var vjp(Var x, Var y, Var yBar) {
        return y.mul(yBar.sub(yBar.mul(y).sum(axes.array(), true)));
    }
}
