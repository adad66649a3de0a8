package org.adjoint.autodiff.ops;

import org.adjoint.autodiff.UnaryOp;
import org.adjoint.autodiff.Var;
import org.adjoint.core.Tensor;

/**
 * y = log Σ exp(x) over {@code axes}, computed as {@code m + log Σ exp(x − m)} with m the maximum so
 * that no exponential overflows;  x̄ = ȳ · softmax(x) over the same axes, which is bounded by ȳ. The
 * softmax, not {@code exp(x − y)}, so that where y is infinite the derivative is the softmax's limit
 * (the +∞ elements share ȳ; a group of −∞ elements shares it equally) rather than exp(∞ − ∞) = NaN.
 */
public record LogSumExp(IntList axes, boolean keepDims) implements UnaryOp {

    @Override
    public Tensor forward(Tensor x) {
        return x.logSumExp(axes.array(), keepDims);
    }

    @Override
    public Var vjp(Var x, Var y, Var yBar) {
        int[] kept = x.shape().reduce(axes.array(), true).dims();
        return yBar.reshape(kept).mul(Var.apply(new Softmax(axes), x));
    }
}
