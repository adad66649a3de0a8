package org.adjoint.optim.rules;

import org.adjoint.core.Fused;
import org.adjoint.core.Tensor;
import org.adjoint.optim.Hyperparameters;
import org.adjoint.optim.Update;

/**
 * RAdam, rectified Adam (Liu et al., "On the Variance of the Adaptive Learning Rate and Beyond", ICLR
 * 2020), as {@code torch.optim.RAdam}:
 * <pre>
 *   ρ∞ = 2 / (1 − β₂) − 1
 *   t ← t + 1
 *   g ← g + λ·θ                                       (coupled L2 weight decay, if λ ≠ 0)
 *   m ← β₁·m + (1 − β₁)·g
 *   v ← β₂·v + (1 − β₂)·g²
 *   m̂ = m / (1 − β₁ᵗ)
 *   ρₜ = ρ∞ − 2·t·β₂ᵗ / (1 − β₂ᵗ)
 *   if ρₜ &gt; 5:   l = √(1 − β₂ᵗ) / (√v + ε)
 *                r = √((ρₜ − 4)·(ρₜ − 2)·ρ∞ / ((ρ∞ − 4)·(ρ∞ − 2)·ρₜ))
 *                θ ← θ − η·m̂·l·r                       (the rectified adaptive step)
 *   else:        θ ← θ − η·m̂                           (momentum SGD: the variance of l is not yet tractable)
 * </pre>
 * so ε is added to √v before the second moment's bias correction (unlike {@link Adam}, which adds it
 * after). With β₂ = 0.999 the first four steps take the momentum branch (ρ₄ ≈ 4.99, ρ₅ ≈ 5.99). With
 * β₂ below 0.6 (ρ∞ ≤ 4) the rule never adapts and is momentum SGD with bias correction. PyTorch's
 * {@code decoupled_weight_decay=True} is the rule {@link RAdamW}. Defaults as in PyTorch: β₁ = 0.9,
 * β₂ = 0.999, ε = 1e-8, λ = 0.
 *
 * @param learningRate η, at least 0
 * @param beta1        β₁, in [0, 1)
 * @param beta2        β₂, in [0, 1)
 * @param epsilon      ε, above 0
 * @param weightDecay  λ, at least 0
 */
public record RAdam(double learningRate, double beta1, double beta2, double epsilon, double weightDecay)
        implements AdamMoments {

    private static final String NAME = "RAdam";

    /** The smallest ρₜ for which the rectified adaptive step is taken (strictly above it). */
    static final double RHO_THRESHOLD = 5;

    /** Validates every hyperparameter. */
    public RAdam {
        Hyperparameters.learningRate(NAME, learningRate);
        Adam.validateMoments(NAME, beta1, beta2, epsilon);
        Hyperparameters.nonNegative(NAME, "weightDecay", weightDecay);
    }

    /** RAdam with learning rate η and PyTorch's other defaults. */
    public RAdam(double learningRate) {
        this(learningRate, 0.9, 0.999, 1e-8, 0);
    }

    @Override
    public Update<Adam.State> apply(Tensor param, Tensor grad, Adam.State state, double lr) {
        return step(param, Moments.withWeightDecay(grad, param, weightDecay), state, lr, beta1, beta2, epsilon);
    }

    /** The RAdam step, shared with {@link RAdamW}: {@code g} already carries any coupled decay. */
    static Update<Adam.State> step(Tensor param, Tensor g, Adam.State state, double lr, double beta1, double beta2,
                                   double epsilon) {
        long t = state.step() + 1;
        Tensor m = Moments.average(state.m(), beta1, g);
        Tensor v = Moments.averageOfSquares(state.v(), beta2, g);
        double mHatScale = lr / (1 - Math.pow(beta1, t));
        double rho = rho(beta2, t);
        Tensor updated = rho > RHO_THRESHOLD
                ? Fused.rootRatioStep(param, m, v, 1, epsilon,
                        mHatScale * Math.sqrt(1 - Math.pow(beta2, t)) * rectification(beta2, rho))
                : param.sub(m.mul(mHatScale));
        return new Update<>(updated, new Adam.State(t, m, v));
    }

    /** ρₜ, the length of the approximated simple moving average after t steps. */
    static double rho(double beta2, long t) {
        double rhoInfinity = 2 / (1 - beta2) - 1;
        double beta2t = Math.pow(beta2, t);
        return rhoInfinity - 2 * t * beta2t / (1 - beta2t);
    }

    /** The rectification term r for ρₜ = {@code rho} (above 5, so ρ∞ &gt; ρₜ &gt; 4 and r is real). */
    static double rectification(double beta2, double rho) {
        double rhoInfinity = 2 / (1 - beta2) - 1;
        return Math.sqrt((rho - 4) * (rho - 2) * rhoInfinity / ((rhoInfinity - 4) * (rhoInfinity - 2) * rho));
    }
}
