package org.adjoint.optim.rules;

import java.util.Map;
import java.util.Objects;
import org.adjoint.core.Tensor;
import org.adjoint.optim.Hyperparameters;
import org.adjoint.optim.Update;
import org.adjoint.optim.UpdateRule;

/**
 * NAdam with decoupled weight decay, {@code torch.optim.NAdam(decoupled_weight_decay=True)} (the NAdamW of
 * Loshchilov and Hutter's "Decoupled Weight Decay Regularization", ICLR 2019, applied to Dozat's NAdam): the
 * parameter decays before the {@link NAdam} step, as in {@link AdamW},
 * <pre>
 *   θ ← θ·(1 − η·λ)
 *   θ ← NAdam step of θ with gradient g (no coupled decay; the same μₜ, Π, m, v)
 * </pre>
 * PyTorch's defaults are those of {@link NAdam} (β₁ = 0.9, β₂ = 0.999, ε = 1e-8, ψ = 4e-3) with λ = 0, which
 * would make this rule NAdam itself; the short constructor therefore asks for λ. The state and its checkpoint
 * slots are NAdam's.
 *
 * @param learningRate  η, at least 0
 * @param beta1         β₁, in [0, 1)
 * @param beta2         β₂, in [0, 1)
 * @param epsilon       ε, above 0
 * @param weightDecay   the decoupled decay λ, at least 0
 * @param momentumDecay ψ, at least 0
 */
public record NAdamW(double learningRate, double beta1, double beta2, double epsilon, double weightDecay,
                     double momentumDecay) implements UpdateRule<NAdam.State> {

    private static final String NAME = "NAdamW";

    /** Validates every hyperparameter. */
    public NAdamW {
        Hyperparameters.learningRate(NAME, learningRate);
        Adam.validateMoments(NAME, beta1, beta2, epsilon);
        Hyperparameters.nonNegative(NAME, "weightDecay", weightDecay);
        Hyperparameters.nonNegative(NAME, "momentumDecay", momentumDecay);
    }

    /** NAdamW with learning rate η, decoupled decay λ and PyTorch's other defaults. */
    public NAdamW(double learningRate, double weightDecay) {
        this(learningRate, 0.9, 0.999, 1e-8, weightDecay, 4e-3);
    }

    @Override
    public NAdam.State init(Tensor param) {
        Objects.requireNonNull(param, "param");
        return NAdam.start(param);
    }

    @Override
    public Update<NAdam.State> apply(Tensor param, Tensor grad, NAdam.State state, double lr) {
        return NAdam.step(param.mul(1 - lr * weightDecay), grad, state, lr, beta1, beta2, epsilon, momentumDecay);
    }

    @Override
    public Map<String, Tensor> save(NAdam.State state) {
        return NAdam.saveState(state);
    }

    @Override
    public NAdam.State restore(Map<String, Tensor> saved, Tensor param) {
        return NAdam.restoreState(NAME, saved, param);
    }
}
