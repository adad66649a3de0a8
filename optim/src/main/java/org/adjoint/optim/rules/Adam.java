package org.adjoint.optim.rules;

import java.util.LinkedHashMap;
import java.util.Map;
import org.adjoint.core.Fused;
import org.adjoint.core.Tensor;

/**
 * Adam (Kingma and Ba, 2015), as {@code torch.optim.Adam}:
 * <pre>
 *   t ← t + 1
 *   g ← g + λ·θ                           (coupled L2 weight decay, if λ ≠ 0)
 *   m ← β₁·m + (1 − β₁)·g
 *   v ← β₂·v + (1 − β₂)·g²
 *   v̂max ← max(v̂max, v)                   (AMSGrad only; then v̂max replaces v below)
 *   θ ← θ − (η / (1 − β₁ᵗ)) · m / (√v / √(1 − β₂ᵗ) + ε)
 * </pre>
 * so ε is added outside the square root, after the second moment's bias correction. With bias
 * correction switched off ({@link #withoutBiasCorrection()}, the first form in the EECS 498 notes) the
 * update is {@code θ ← θ − η·m / (√v + ε)}; with β₁ = 0 that is exactly {@link RmsProp}. Defaults as in
 * PyTorch: η = 1e-3, β₁ = 0.9, β₂ = 0.999, ε = 1e-8, λ = 0.
 */
public final class Adam implements UpdateRule<Adam.State> {

    /**
     * Adam's state for one tensor.
     *
     * @param step the number of steps taken, t
     * @param m    the first moment
     * @param v    the second moment
     * @param vMax the largest second moment so far (AMSGrad only, else null)
     */
    public record State(long step, Tensor m, Tensor v, Tensor vMax) {
    }

    private final String name;
    private final double learningRate;
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final double weightDecay;
    private final boolean amsgrad;
    private final boolean biasCorrection;

    private Adam(String name, double learningRate, double beta1, double beta2, double epsilon, double weightDecay,
                 boolean amsgrad, boolean biasCorrection) {
        this.name = name;
        this.learningRate = Hyperparameters.learningRate(name, learningRate);
        this.beta1 = Hyperparameters.unitInterval(name, "beta1", beta1);
        this.beta2 = Hyperparameters.unitInterval(name, "beta2", beta2);
        this.epsilon = Hyperparameters.positive(name, "epsilon", epsilon);
        this.weightDecay = Hyperparameters.nonNegative(name, "weightDecay", weightDecay);
        this.amsgrad = amsgrad;
        this.biasCorrection = biasCorrection;
    }

    /** Adam with learning rate η and PyTorch's other defaults. */
    public static Adam withLearningRate(double learningRate) {
        return named("Adam", learningRate);
    }

    /** Adam with PyTorch's defaults, reporting errors under {@code name} (AdamW builds on it). */
    static Adam named(String name, double learningRate) {
        return new Adam(name, learningRate, 0.9, 0.999, 1e-8, 0, false, true);
    }

    /** The same rule with decay rates β₁ and β₂, each in [0, 1). */
    public Adam betas(double newBeta1, double newBeta2) {
        return new Adam(name, learningRate, newBeta1, newBeta2, epsilon, weightDecay, amsgrad, biasCorrection);
    }

    /** The same rule with ε > 0. */
    public Adam epsilon(double newEpsilon) {
        return new Adam(name, learningRate, beta1, beta2, newEpsilon, weightDecay, amsgrad, biasCorrection);
    }

    /** The same rule with coupled L2 weight decay λ (for decoupled decay use {@link AdamW}). */
    public Adam weightDecay(double lambda) {
        return new Adam(name, learningRate, beta1, beta2, epsilon, lambda, amsgrad, biasCorrection);
    }

    /** AMSGrad (Reddi, Kale and Kumar, 2018): the largest second moment so far is used. */
    public Adam amsgrad() {
        return new Adam(name, learningRate, beta1, beta2, epsilon, weightDecay, true, biasCorrection);
    }

    /** The same rule without bias correction: {@code θ ← θ − η·m / (√v + ε)}. */
    public Adam withoutBiasCorrection() {
        return new Adam(name, learningRate, beta1, beta2, epsilon, weightDecay, amsgrad, false);
    }

    @Override
    public double learningRate() {
        return learningRate;
    }

    @Override
    public State init(Tensor param) {
        Tensor zeros = Tensor.zeros(param.shape());
        return new State(0, zeros, zeros, amsgrad ? zeros : null);
    }

    @Override
    public Update<State> apply(Tensor param, Tensor grad, State state, double lr) {
        return step(param, Moments.withWeightDecay(grad, param, weightDecay), state, lr);
    }

    /** The Adam step proper, shared with {@link AdamW}: the gradient already carries any coupled decay. */
    Update<State> step(Tensor param, Tensor g, State state, double lr) {
        long t = state.step() + 1;
        Tensor m = Moments.average(state.m(), beta1, g);
        Tensor v = Moments.averageOfSquares(state.v(), beta2, g);
        Tensor vMax = amsgrad ? state.vMax().maximum(v) : null;
        Tensor second = amsgrad ? vMax : v;
        double stepSize = biasCorrection ? lr / (1 - Math.pow(beta1, t)) : lr;
        double rootScale = biasCorrection ? Math.sqrt(1 - Math.pow(beta2, t)) : 1;
        Tensor updated = Fused.rootRatioStep(param, m, second, rootScale, epsilon, stepSize);
        return new Update<>(updated, new State(t, m, v, vMax));
    }

    @Override
    public Map<String, Tensor> save(State state) {
        Map<String, Tensor> saved = new LinkedHashMap<>();
        saved.put("step", Tensor.scalar(state.step()));
        saved.put("exp_avg", state.m());
        saved.put("exp_avg_sq", state.v());
        if (state.vMax() != null) {
            saved.put("max_exp_avg_sq", state.vMax());
        }
        return saved;
    }

    @Override
    public State restore(Map<String, Tensor> saved, Tensor param) {
        return new State(Slots.counter(name, saved, "step"), Slots.get(name, saved, "exp_avg", param.shape()),
                Slots.get(name, saved, "exp_avg_sq", param.shape()),
                amsgrad ? Slots.get(name, saved, "max_exp_avg_sq", param.shape()) : null);
    }

    @Override
    public String toString() {
        return name + "[" + hyperparameters() + "]";
    }

    /** The hyperparameters as {@code name=value} pairs. */
    String hyperparameters() {
        return "learningRate=" + learningRate + ", beta1=" + beta1 + ", beta2=" + beta2 + ", epsilon=" + epsilon
                + ", weightDecay=" + weightDecay + ", amsgrad=" + amsgrad + ", biasCorrection=" + biasCorrection;
    }
}
