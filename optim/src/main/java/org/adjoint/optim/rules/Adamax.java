package org.adjoint.optim.rules;

import java.util.Map;
import org.adjoint.core.Tensor;

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
 */
public final class Adamax implements UpdateRule<Adamax.State> {

    /**
     * Adamax's state for one tensor.
     *
     * @param step the number of steps taken, t
     * @param m    the first moment
     * @param u    the exponentially weighted infinity norm
     */
    public record State(long step, Tensor m, Tensor u) {
    }

    private static final String NAME = "Adamax";

    private final double learningRate;
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final double weightDecay;

    private Adamax(double learningRate, double beta1, double beta2, double epsilon, double weightDecay) {
        this.learningRate = Hyperparameters.learningRate(NAME, learningRate);
        this.beta1 = Hyperparameters.unitInterval(NAME, "beta1", beta1);
        this.beta2 = Hyperparameters.unitInterval(NAME, "beta2", beta2);
        this.epsilon = Hyperparameters.positive(NAME, "epsilon", epsilon);
        this.weightDecay = Hyperparameters.nonNegative(NAME, "weightDecay", weightDecay);
    }

    /** Adamax with learning rate η and PyTorch's other defaults. */
    public static Adamax withLearningRate(double learningRate) {
        return new Adamax(learningRate, 0.9, 0.999, 1e-8, 0);
    }

    /** The same rule with decay rates β₁ and β₂, each in [0, 1). */
    public Adamax betas(double newBeta1, double newBeta2) {
        return new Adamax(learningRate, newBeta1, newBeta2, epsilon, weightDecay);
    }

    /** The same rule with ε > 0. */
    public Adamax epsilon(double newEpsilon) {
        return new Adamax(learningRate, beta1, beta2, newEpsilon, weightDecay);
    }

    /** The same rule with coupled L2 weight decay λ. */
    public Adamax weightDecay(double lambda) {
        return new Adamax(learningRate, beta1, beta2, epsilon, lambda);
    }

    @Override
    public double learningRate() {
        return learningRate;
    }

    @Override
    public State init(Tensor param) {
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
        return new State(Slots.counter(NAME, saved, "step"), Slots.get(NAME, saved, "exp_avg", param.shape()),
                Slots.get(NAME, saved, "exp_inf", param.shape()));
    }

    @Override
    public String toString() {
        return NAME + "[learningRate=" + learningRate + ", beta1=" + beta1 + ", beta2=" + beta2 + ", epsilon=" + epsilon
                + ", weightDecay=" + weightDecay + "]";
    }
}
