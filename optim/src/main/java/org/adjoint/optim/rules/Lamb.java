package org.adjoint.optim.rules;

import org.adjoint.core.Tensor;
import org.adjoint.optim.Hyperparameters;
import org.adjoint.optim.Update;

/**
 * LAMB, layer-wise adaptive moments (You et al. 2020, "Large Batch Optimization for Deep Learning:
 * Training BERT in 76 minutes", Algorithm 2): an {@link Adam} direction with decoupled weight decay,
 * rescaled per parameter tensor so that its step is η times the tensor's norm,
 * <pre>
 *   t ← t + 1
 *   m ← β₁·m + (1 − β₁)·g            v ← β₂·v + (1 − β₂)·g²
 *   m̂ = m / (1 − β₁ᵗ)                 v̂ = v / (1 − β₂ᵗ)
 *   r = m̂ / (√v̂ + ε) + λ·θ
 *   θ ← θ − η · (‖θ‖ / ‖r‖) · r        (the trust ratio ‖θ‖ / ‖r‖ is 1 if ‖θ‖ = 0 or ‖r‖ = 0)
 * </pre>
 * with ε added outside the square root, after the bias correction, and the norms ‖·‖ Euclidean over
 * the whole tensor (every tensor, biases included). The paper's scaling function φ is the identity,
 * as in {@code optax.lamb}; a tensor at 0 (a bias before training) takes the unscaled step η·r rather
 * than none, and a zero r leaves θ where it is rather than making 0/0. {@code torch.optim} has no
 * LAMB; the defaults are {@code optax.lamb}'s: β₁ = 0.9, β₂ = 0.999, ε = 1e-6, λ = 0 (the paper trains
 * BERT with λ = 0.01).
 *
 * @param learningRate η, at least 0
 * @param beta1        β₁, in [0, 1)
 * @param beta2        β₂, in [0, 1)
 * @param epsilon      ε, above 0
 * @param weightDecay  the decoupled decay λ, at least 0
 */
public record Lamb(double learningRate, double beta1, double beta2, double epsilon, double weightDecay)
        implements AdamMoments {

    private static final String NAME = "Lamb";

    /** Validates every hyperparameter. */
    public Lamb {
        Hyperparameters.learningRate(NAME, learningRate);
        Adam.validateMoments(NAME, beta1, beta2, epsilon);
        Hyperparameters.nonNegative(NAME, "weightDecay", weightDecay);
    }

    /** LAMB with learning rate η and optax's other defaults: β₁ = 0.9, β₂ = 0.999, ε = 1e-6, λ = 0. */
    public Lamb(double learningRate) {
        this(learningRate, 0.9, 0.999, 1e-6, 0);
    }

    @Override
    public Update<Adam.State> apply(Tensor param, Tensor grad, Adam.State state, double lr) {
        long t = state.step() + 1;
        Tensor m = Moments.average(state.m(), beta1, grad);
        Tensor v = Moments.averageOfSquares(state.v(), beta2, grad);
        Tensor mHat = m.div(1 - Math.pow(beta1, t));
        Tensor vHat = v.div(1 - Math.pow(beta2, t));
        Tensor r = Moments.withWeightDecay(mHat.div(vHat.sqrt().add(epsilon)), param, weightDecay);
        double ratio = TrustRatio.of(TrustRatio.norm(param), TrustRatio.norm(r));
        return new Update<>(param.sub(r.mul(lr * ratio)), new Adam.State(t, m, v));
    }
}
