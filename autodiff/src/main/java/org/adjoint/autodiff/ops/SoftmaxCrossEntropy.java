package org.adjoint.autodiff.ops;

import org.adjoint.autodiff.UnaryOp;
import org.adjoint.autodiff.Var;
import org.adjoint.core.Tensor;

/**
 * y = (1/n) Σᵢ (log Σⱼ exp(sᵢⱼ) − s_{i,yᵢ}) for scores s of shape [n, c] and one label yᵢ per row;
 * s̄ = ȳ · (softmax(s) − onehot(y)) / n. One op where the composition
 * {@code −mean(gather(logSoftmax(s)))} would record four, with the same value to the last bit: the
 * forward needs only the log-sum-exp of each row, and the derivative is the softmax, itself
 * differentiable, so second derivatives come from {@link Softmax}'s rule. A first-order sweep
 * (constant scores and cotangent) computes the same bits in one pass,
 * {@link Tensor#softmaxMinusOneHot}. Infinite scores are limits, as in
 * {@link Tensor#softmax(int[])}: a −∞ score of the label costs +∞, a label among k scores of +∞
 * costs log k, and the gradient stays finite.
 */
public record SoftmaxCrossEntropy(IntList labels) implements UnaryOp {

    @Override
    public Tensor forward(Tensor s) {
        Tensor logSumExp = s.logSumExp(new int[] {1}, false);
        Tensor perExample = logSumExp.sub(s.gather(labels.array()));
        if (!logSumExp.isFinite()) {
            // An infinite log-sum-exp minus an infinite score is ∞ − ∞: use −log of the softmax's limit there.
            Tensor infinite = logSumExp.map(v -> Double.isInfinite(v) ? 1 : 0);
            perExample = Tensor.where(infinite, s.logSoftmax(1).gather(labels.array()).neg(), perExample);
        }
        return perExample.mean();
    }

    @Override
    public Var vjp(Var s, Var y, Var yBar) {
        if (!s.requiresGrad() && !yBar.requiresGrad()) { // first order: the same bits in one pass
            double scale = yBar.value().item() * (1.0 / labels.size()); // as yBar.div(n) below
            return Var.constant(s.value().softmaxMinusOneHot(labels.array(), scale));
        }
        Var oneHot = Var.constant(Tensor.oneHot(labels.array(), s.shape().dim(1)));
        return s.softmax(1).sub(oneHot).mul(yBar.div(labels.size()));
    }
}
