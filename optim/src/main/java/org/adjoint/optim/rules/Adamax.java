package org.adjoint.optim.rules;

import java.util.Map;
import java.util.Objects;
import org.adjoint.core.Tensor;
import org.adjoint.optim.Hyperparameters;
import org.adjoint.optim.Slots;
import org.adjoint.optim.Update;
import org.adjoint.optim.UpdateRule;

/**
 * Adamax, the infinity-norm variant of Adam (Kingma and Ba, 2015, section 7), as
 * {@code torch.optim.Adamax}:
 * <pre>
 *   t ← t + 1
 *   g ← g + λ·θ                     (coupled L2 weight decay, if λ ≠ 0)
 *   m ← β₁·m + (1 − β₁)·g
 *   u ← max(β₂·u, |g| + ε)
 *   θ ← θ − (η / (1 − β₁ᵗ)) · m / u
 * </pre>
 * so ε is added to |g| inside the maximum. Defaults as in PyTorch: η = 2e-3, β₁ = 0.9, β₂ = 0.999,
 * ε = 1e-8, λ = 0.
 *
 * @param learningRate η, at least 0
 * @param beta1        β₁, in [0, 1)
 * @param beta2        β₂, in [0, 1)
 * @param epsilon      ε, above 0
 * @param weightDecay  λ, at least 0
 */
public record Adamax(double learningRate, double beta1, double beta2, double epsilon, double weightDecay)
        implements UpdateRule<Adamax.State> {

    /**
     * Adamax's state for one tensor.
     *
     * @param step the number of steps taken, t
     * @param m    the first moment
     * @param u    the exponentially weighted infinity norm
     */
    public record State(long step, Tensor m, Tensor u) {

        /** Refuses a missing moments. */
        public State {
            Objects.requireNonNull(m, "Adamax.State: m is null");
            Objects.requireNonNull(u, "Adamax.State: u is null");
        }
    }

    private static final String NAME = "Adamax";

    /** Validates every hyperparameter. */
    public Adamax {
        Hyperparameters.learningRate(NAME, learningRate);
        Adam.validateMoments(NAME, beta1, beta2, epsilon);
        Hyperparameters.nonNegative(NAME, "weightDecay", weightDecay);
    }

    /** Adamax with learning rate η and PyTorch's other defaults. */
    public Adamax(double learningRate) {
        this(learningRate, 0.9, 0.999, 1e-8, 0);
    }

    @Override
    public State init(Tensor param) {
        Objects.requireNonNull(param, "param");
        Tensor zeros = Tensor.zeros(param.shape());
        return new State(0, zeros, zeros);
    }

    @Override
    public Update<State> apply(Tensor param, Tensor grad, State state, double lr) {
        long t = state.step() + 1;
        Tensor g = Moments.withWeightDecay(grad, param, weightDecay);
        Tensor m = Moments.average(state.m(), beta1, g);
        Tensor u = state.u().mul(beta2).maximum(g.abs().add(epsilon));
        double stepSize = lr / (1 - Math.pow(beta1, t));
        return new Update<>(param.sub(m.div(u).mul(stepSize)), new State(t, m, u));
    }

    @Override
    public Map<String, Tensor> save(State state) {
        return Map.of("step", Tensor.scalar(state.step()), "exp_avg", state.m(), "exp_inf", state.u());
    }

    @Override
    public State restore(Map<String, Tensor> saved, Tensor param) {
        Objects.requireNonNull(saved, "saved");
        Objects.requireNonNull(param, "param");
        return new State(Slots.counter(NAME, saved, "step"), Slots.get(NAME, saved, "exp_avg", param.shape()),
                Slots.get(NAME, saved, "exp_inf", param.shape()));
    }
}
