package org.adjoint.optim.rules;

import java.util.Map;
import org.adjoint.core.Fused;
import org.adjoint.core.Tensor;

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
 */
public final class AdaGrad implements UpdateRule<AdaGrad.State> {

    /**
     * AdaGrad's state for one tensor.
     *
     * @param step the number of steps taken
     * @param sum  the accumulated squared gradients s
     */
    public record State(long step, Tensor sum) {
    }

    private static final String NAME = "AdaGrad";

    private final double learningRate;
    private final double learningRateDecay;
    private final double weightDecay;
    private final double initialAccumulator;
    private final double epsilon;

    private AdaGrad(double learningRate, double learningRateDecay, double weightDecay, double initialAccumulator,
                    double epsilon) {
        this.learningRate = Hyperparameters.learningRate(NAME, learningRate);
        this.learningRateDecay = Hyperparameters.nonNegative(NAME, "learningRateDecay", learningRateDecay);
        this.weightDecay = Hyperparameters.nonNegative(NAME, "weightDecay", weightDecay);
        this.initialAccumulator = Hyperparameters.nonNegative(NAME, "initialAccumulator", initialAccumulator);
        this.epsilon = Hyperparameters.positive(NAME, "epsilon", epsilon);
    }

    /** AdaGrad with learning rate η and PyTorch's other defaults. */
    public static AdaGrad withLearningRate(double learningRate) {
        return new AdaGrad(learningRate, 0, 0, 0, 1e-10);
    }

    /** The same rule with learning-rate decay δ: step t uses {@code η / (1 + (t − 1)·δ)}. */
    public AdaGrad learningRateDecay(double delta) {
        return new AdaGrad(learningRate, delta, weightDecay, initialAccumulator, epsilon);
    }

    /** The same rule with coupled L2 weight decay λ. */
    public AdaGrad weightDecay(double lambda) {
        return new AdaGrad(learningRate, learningRateDecay, lambda, initialAccumulator, epsilon);
    }

    /** The same rule with the accumulator starting at {@code value} instead of 0. */
    public AdaGrad initialAccumulator(double value) {
        return new AdaGrad(learningRate, learningRateDecay, weightDecay, value, epsilon);
    }

    /** The same rule with ε > 0. */
    public AdaGrad epsilon(double newEpsilon) {
        return new AdaGrad(learningRate, learningRateDecay, weightDecay, initialAccumulator, newEpsilon);
    }

    @Override
    public double learningRate() {
        return learningRate;
    }

    @Override
    public State init(Tensor param) {
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
        return new State(Slots.counter(NAME, saved, "step"), Slots.get(NAME, saved, "sum", param.shape()));
    }

    @Override
    public String toString() {
        return NAME + "[learningRate=" + learningRate + ", learningRateDecay=" + learningRateDecay + ", weightDecay="
                + weightDecay + ", initialAccumulator=" + initialAccumulator + ", epsilon=" + epsilon + "]";
    }
}
