package org.adjoint.autodiff;

import java.util.Arrays;
import org.adjoint.core.Tensor;

/**
 * y = log Σ exp(x) over {@code axes}, computed as {@code m + log Σ exp(x − m)} with m the maximum so
 * that no exponential overflows;  x̄ = ȳ · exp(x − y), the softmax, which is bounded by ȳ.
 */
record LogSumExp(int[] axes, boolean keepDims) implements UnaryOp {

    @Override
    public Tensor forward(Tensor x) {
        Tensor kept = keptDims(x, axes);
        return keepDims ? kept : kept.reshape(x.shape().reduce(axes, false).dims());
    }

    @Override
    public Var vjp(Var x, Var y, Var yBar) {
        int[] kept = x.shape().reduce(axes, true).dims();
        return yBar.reshape(kept).mul(x.sub(y.reshape(kept)).exp());
    }

    /** The stable log-sum-exp with the reduced axes kept at extent 1; shared with the softmax ops. */
    static Tensor keptDims(Tensor x, int[] axes) {
        Tensor max = x.max(axes, true);
        Tensor shift = max.map(m -> Double.isFinite(m) ? m : 0);
        return x.sub(shift).exp().sum(axes, true).log().add(shift);
    }

    @Override
    public String toString() {
        return "LogSumExp[axes=" + Arrays.toString(axes) + ", keepDims=" + keepDims + "]";
    }
}
