package org.adjoint.optim.rules;

import org.adjoint.core.Tensor;
import org.adjoint.optim.Hyperparameters;
import org.adjoint.optim.Update;

/**
 * RAdam with decoupled weight decay, {@code torch.optim.RAdam(decoupled_weight_decay=True)}: the
 * parameter decays before the {@link RAdam} step, as in {@link AdamW},
 * <pre>
 *   θ ← θ·(1 − η·λ)
 *   θ ← RAdam step of θ with gradient g (no coupled decay; either branch of ρₜ)
 * </pre>
 * PyTorch's defaults are those of {@link RAdam} (β₁ = 0.9, β₂ = 0.999, ε = 1e-8) with λ = 0, which
 * would make this rule RAdam itself; the short constructor therefore asks for λ.
 *
 * @param learningRate η, at least 0
 * @param beta1        β₁, in [0, 1)
 * @param beta2        β₂, in [0, 1)
 * @param epsilon      ε, above 0
 * @param weightDecay  the decoupled decay λ, at least 0
 */
public record RAdamW(double learningRate, double beta1, double beta2, double epsilon, double weightDecay)
        implements AdamMoments {

    private static final String NAME = "RAdamW";

    /** Validates every hyperparameter. */
    public RAdamW {
        Hyperparameters.learningRate(NAME, learningRate);
        Adam.validateMoments(NAME, beta1, beta2, epsilon);
        Hyperparameters.nonNegative(NAME, "weightDecay", weightDecay);
    }

    /** RAdamW with learning rate η, decoupled decay λ and PyTorch's other defaults. */
    public RAdamW(double learningRate, double weightDecay) {
        this(learningRate, 0.9, 0.999, 1e-8, weightDecay);
    }

    @Override
    public Update<Adam.State> apply(Tensor param, Tensor grad, Adam.State state, double lr) {
        return RAdam.step(param.mul(1 - lr * weightDecay), grad, state, lr, beta1, beta2, epsilon);
    }
}
