package org.adjoint.optim.rules;

import java.util.Map;
import java.util.Objects;
import org.adjoint.core.Tensor;
import org.adjoint.optim.Hyperparameters;
import org.adjoint.optim.Slots;
import org.adjoint.optim.Update;
import org.adjoint.optim.UpdateRule;

/**
 * Lion, "EvoLved Sign Momentum" (Chen et al. 2023, "Symbolic Discovery of Optimization Algorithms",
 * Algorithm 2):
 * <pre>
 *   c ← β₁·m + (1 − β₁)·g           (the interpolation whose sign is the step)
 *   θ ← θ − η·(sign(c) + λ·θ)        (decoupled weight decay, with the θ before the step)
 *   m ← β₂·m + (1 − β₂)·g            (m starts at 0)
 * </pre>
 * Every coordinate moves by exactly η (plus the decay), so η is typically 3–10 times smaller than
 * AdamW's and λ as many times larger. sign(0) = 0: a coordinate whose c is exactly 0 (at the first
 * step, one whose gradient is 0) does not move but for the decay; a NaN in c stays NaN. There is no ε
 * and no step counter. {@code torch.optim} has no Lion; its counterparts are {@code optax.lion} and
 * the authors' {@code lion-pytorch}, whose defaults we take: β₁ = 0.9, β₂ = 0.99, λ = 0 (optax's λ is
 * 1e-3).
 *
 * @param learningRate η, at least 0
 * @param beta1        β₁, in [0, 1): the weight of the momentum in the step's direction
 * @param beta2        β₂, in [0, 1): the decay of the momentum m
 * @param weightDecay  the decoupled decay λ, at least 0
 */
public record Lion(double learningRate, double beta1, double beta2, double weightDecay) implements UpdateRule<Lion.State> {

    /**
     * The momentum of one tensor.
     *
     * @param m the moving average of the gradients, of the parameter's shape
     */
    public record State(Tensor m) {

        /** Refuses a missing moment. */
        public State {
            Objects.requireNonNull(m, "Lion.State: m is null");
        }
    }

    private static final String NAME = "Lion";

    /** Validates every hyperparameter. */
    public Lion {
        Hyperparameters.learningRate(NAME, learningRate);
        Hyperparameters.unitInterval(NAME, "beta1", beta1);
        Hyperparameters.unitInterval(NAME, "beta2", beta2);
        Hyperparameters.nonNegative(NAME, "weightDecay", weightDecay);
    }

    /** Lion with learning rate η and the paper's other defaults: β₁ = 0.9, β₂ = 0.99, λ = 0. */
    public Lion(double learningRate) {
        this(learningRate, 0.9, 0.99, 0);
    }

    @Override
    public State init(Tensor param) {
        Objects.requireNonNull(param, "param");
        return new State(Tensor.zeros(param.shape()));
    }

    @Override
    public Update<State> apply(Tensor param, Tensor grad, State state, double lr) {
        Tensor direction = Moments.average(state.m(), beta1, grad).sign();
        if (weightDecay != 0) {
            direction = direction.add(param.mul(weightDecay));
        }
        return new Update<>(param.sub(direction.mul(lr)), new State(Moments.average(state.m(), beta2, grad)));
    }

    @Override
    public Map<String, Tensor> save(State state) {
        return Map.of("exp_avg", state.m());
    }

    @Override
    public State restore(Map<String, Tensor> saved, Tensor param) {
        Objects.requireNonNull(saved, "saved");
        Objects.requireNonNull(param, "param");
        return new State(Slots.get(NAME, saved, "exp_avg", param.shape()));
    }
}
