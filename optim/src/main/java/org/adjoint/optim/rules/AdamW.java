package org.adjoint.optim.rules;

import org.adjoint.core.Tensor;
import org.adjoint.optim.Hyperparameters;
import org.adjoint.optim.Update;

/**
 * AdamW (Loshchilov and Hutter, 2019), as {@code torch.optim.AdamW}: weight decay decoupled from the
 * gradient, applied to the parameter before the {@link Adam} step,
 * <pre>
 *   θ ← θ·(1 − η·λ)
 *   θ ← Adam step of θ with gradient g (no coupled decay)
 * </pre>
 * Defaults as in PyTorch: β₁ = 0.9, β₂ = 0.999, ε = 1e-8, λ = 1e-2.
 *
 * @param learningRate η, at least 0
 * @param beta1        β₁, in [0, 1)
 * @param beta2        β₂, in [0, 1)
 * @param epsilon      ε, above 0
 * @param weightDecay  the decoupled decay λ, at least 0
 */
public record AdamW(double learningRate, double beta1, double beta2, double epsilon, double weightDecay)
        implements AdamMoments {

    private static final String NAME = "AdamW";

    /** Validates every hyperparameter. */
    public AdamW {
        Hyperparameters.learningRate(NAME, learningRate);
        Adam.validateMoments(NAME, beta1, beta2, epsilon);
        Hyperparameters.nonNegative(NAME, "weightDecay", weightDecay);
    }

    /** AdamW with learning rate η and PyTorch's other defaults (λ = 0.01). */
    public AdamW(double learningRate) {
        this(learningRate, 0.9, 0.999, 1e-8, 0.01);
    }

    @Override
    public Update<Adam.State> apply(Tensor param, Tensor grad, Adam.State state, double lr) {
        return Adam.step(param.mul(1 - lr * weightDecay), grad, state, lr, beta1, beta2, epsilon);
    }
}
