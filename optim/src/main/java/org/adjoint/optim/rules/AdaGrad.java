package org.adjoint.optim.rules;

import java.util.Map;
import java.util.Objects;
import org.adjoint.core.Fused;
import org.adjoint.core.Tensor;
import org.adjoint.optim.Hyperparameters;
import org.adjoint.optim.Slots;
import org.adjoint.optim.Update;
import org.adjoint.optim.UpdateRule;

/**
 * AdaGrad (Duchi, Hazan and Singer, 2011), as {@code torch.optim.Adagrad}:
 * <pre>
 *   t ← t + 1
 *   g ← g + λ·θ                          (coupled L2 weight decay, if λ ≠ 0)
 *   η̃ ← η / (1 + (t − 1)·δ)              (learning-rate decay δ)
 *   s ← s + g⊙g                          (s starts at the initial accumulator value)
 *   θ ← θ − η̃ · g / (√s + ε)
 * </pre>
 * so ε is added outside the square root. Defaults as in PyTorch: η = 1e-2, δ = 0, λ = 0, initial
 * accumulator 0, ε = 1e-10.
 *
 * @param learningRate       η, at least 0
 * @param learningRateDecay  δ, at least 0
 * @param weightDecay        λ, at least 0
 * @param initialAccumulator the starting value of s, at least 0
 * @param epsilon            ε, above 0
 */
public record AdaGrad(double learningRate, double learningRateDecay, double weightDecay, double initialAccumulator,
                      double epsilon) implements UpdateRule<AdaGrad.State> {

    /**
     * AdaGrad's state for one tensor.
     *
     * @param step the number of steps taken
     * @param sum  the accumulated squared gradients s
     */
    public record State(long step, Tensor sum) {

        /** Refuses a missing moment. */
        public State {
            Objects.requireNonNull(sum, "AdaGrad.State: sum is null");
        }
    }

    private static final String NAME = "AdaGrad";

    /** Validates every hyperparameter. */
    public AdaGrad {
        Hyperparameters.learningRate(NAME, learningRate);
        Hyperparameters.nonNegative(NAME, "learningRateDecay", learningRateDecay);
        Hyperparameters.nonNegative(NAME, "weightDecay", weightDecay);
        Hyperparameters.nonNegative(NAME, "initialAccumulator", initialAccumulator);
        Hyperparameters.positive(NAME, "epsilon", epsilon);
    }

    /** AdaGrad with learning rate η and PyTorch's other defaults. */
    public AdaGrad(double learningRate) {
        this(learningRate, 0, 0, 0, 1e-10);
    }

    @Override
    public State init(Tensor param) {
        Objects.requireNonNull(param, "param");
        return new State(0, Tensor.full(param.shape(), initialAccumulator));
    }

    @Override
    public Update<State> apply(Tensor param, Tensor grad, State state, double lr) {
        long t = state.step() + 1;
        Tensor g = Moments.withWeightDecay(grad, param, weightDecay);
        double decayed = lr / (1 + (t - 1) * learningRateDecay);
        Tensor sum = state.sum().add(g.mul(g));
        Tensor updated = Fused.rootRatioStep(param, g, sum, 1, epsilon, decayed);
        return new Update<>(updated, new State(t, sum));
    }

    @Override
    public Map<String, Tensor> save(State state) {
        return Map.of("step", Tensor.scalar(state.step()), "sum", state.sum());
    }

    @Override
    public State restore(Map<String, Tensor> saved, Tensor param) {
        Objects.requireNonNull(saved, "saved");
        Objects.requireNonNull(param, "param");
        return new State(Slots.counter(NAME, saved, "step"), Slots.get(NAME, saved, "sum", param.shape()));
    }
}
