package org.adjoint.optim.rules;

import java.util.Map;
import java.util.Objects;
import org.adjoint.core.Tensor;
import org.adjoint.optim.Hyperparameters;
import org.adjoint.optim.Slots;
import org.adjoint.optim.Update;
import org.adjoint.optim.UpdateRule;

/**
 * AdaDelta (Zeiler, 2012), as {@code torch.optim.Adadelta}:
 * <pre>
 *   g ← g + λ·θ                              (coupled L2 weight decay, if λ ≠ 0)
 *   s ← ρ·s + (1 − ρ)·g⊙g
 *   Δ ← √(u + ε) / √(s + ε) · g
 *   u ← ρ·u + (1 − ρ)·Δ⊙Δ
 *   θ ← θ − η·Δ
 * </pre>
 * with ε inside both square roots. It needs no learning rate: η is an optional multiplier, 1 by
 * default. Defaults as in PyTorch: η = 1, ρ = 0.9, ε = 1e-6, λ = 0.
 *
 * @param learningRate the multiplier η, at least 0
 * @param rho          the decay rate ρ, in [0, 1]
 * @param epsilon      ε, above 0
 * @param weightDecay  λ, at least 0
 */
public record AdaDelta(double learningRate, double rho, double epsilon, double weightDecay) implements UpdateRule<AdaDelta.State> {

    /**
     * AdaDelta's state for one tensor.
     *
     * @param squareAverage s, the average of squared gradients
     * @param deltaAverage  u, the average of squared updates
     */
    public record State(Tensor squareAverage, Tensor deltaAverage) {

        /** Refuses a missing moments. */
        public State {
            Objects.requireNonNull(squareAverage, "AdaDelta.State: squareAverage is null");
            Objects.requireNonNull(deltaAverage, "AdaDelta.State: deltaAverage is null");
        }
    }

    private static final String NAME = "AdaDelta";

    /** Validates every hyperparameter. */
    public AdaDelta {
        Hyperparameters.learningRate(NAME, learningRate);
        Hyperparameters.closedUnitInterval(NAME, "rho", rho);
        Hyperparameters.positive(NAME, "epsilon", epsilon);
        Hyperparameters.nonNegative(NAME, "weightDecay", weightDecay);
    }

    /** AdaDelta with PyTorch's defaults (multiplier 1). */
    public AdaDelta() {
        this(1, 0.9, 1e-6, 0);
    }

    @Override
    public State init(Tensor param) {
        Objects.requireNonNull(param, "param");
        Tensor zeros = Tensor.zeros(param.shape());
        return new State(zeros, zeros);
    }

    @Override
    public Update<State> apply(Tensor param, Tensor grad, State state, double lr) {
        Tensor g = Moments.withWeightDecay(grad, param, weightDecay);
        Tensor s = Moments.averageOfSquares(state.squareAverage(), rho, g);
        Tensor delta = state.deltaAverage().add(epsilon).sqrt().div(s.add(epsilon).sqrt()).mul(g);
        Tensor u = Moments.averageOfSquares(state.deltaAverage(), rho, delta);
        return new Update<>(param.sub(delta.mul(lr)), new State(s, u));
    }

    @Override
    public Map<String, Tensor> save(State state) {
        return Map.of("square_avg", state.squareAverage(), "acc_delta", state.deltaAverage());
    }

    @Override
    public State restore(Map<String, Tensor> saved, Tensor param) {
        Objects.requireNonNull(saved, "saved");
        Objects.requireNonNull(param, "param");
        return new State(Slots.get(NAME, saved, "square_avg", param.shape()), Slots.get(NAME, saved, "acc_delta", param.shape()));
    }
}
