package org.adjoint.optim.rules;

import java.util.Map;
import org.adjoint.core.Tensor;

/**
 * AdamW (Loshchilov and Hutter, 2019), as {@code torch.optim.AdamW}: weight decay decoupled from the
 * gradient, applied to the parameter before the {@link Adam} step,
 * <pre>
 *   θ ← θ·(1 − η·λ)
 *   θ ← Adam step of θ with gradient g (no coupled decay)
 * </pre>
 * Defaults as in PyTorch: η = 1e-3, β₁ = 0.9, β₂ = 0.999, ε = 1e-8, λ = 1e-2.
 */
public final class AdamW implements UpdateRule<Adam.State> {

    private static final String NAME = "AdamW";

    private final Adam adam;
    private final double weightDecay;

    private AdamW(Adam adam, double weightDecay) {
        this.adam = adam;
        this.weightDecay = Hyperparameters.nonNegative(NAME, "weightDecay", weightDecay);
    }

    /** AdamW with learning rate η and PyTorch's other defaults (λ = 0.01). */
    public static AdamW withLearningRate(double learningRate) {
        return new AdamW(Adam.named(NAME, learningRate), 0.01);
    }

    /** The same rule with decay rates β₁ and β₂, each in [0, 1). */
    public AdamW betas(double beta1, double beta2) {
        return new AdamW(adam.betas(beta1, beta2), weightDecay);
    }

    /** The same rule with ε > 0. */
    public AdamW epsilon(double epsilon) {
        return new AdamW(adam.epsilon(epsilon), weightDecay);
    }

    /** The same rule with decoupled weight decay λ. */
    public AdamW weightDecay(double lambda) {
        return new AdamW(adam, lambda);
    }

    /** The same rule with AMSGrad. */
    public AdamW amsgrad() {
        return new AdamW(adam.amsgrad(), weightDecay);
    }

    @Override
    public double learningRate() {
        return adam.learningRate();
    }

    @Override
    public Adam.State init(Tensor param) {
        return adam.init(param);
    }

    @Override
    public Update<Adam.State> apply(Tensor param, Tensor grad, Adam.State state, double lr) {
        return adam.step(param.mul(1 - lr * weightDecay), grad, state, lr);
    }

    @Override
    public Map<String, Tensor> save(Adam.State state) {
        return adam.save(state);
    }

    @Override
    public Adam.State restore(Map<String, Tensor> saved, Tensor param) {
        return adam.restore(saved, param);
    }

    @Override
    public String toString() {
        return NAME + "[decoupledWeightDecay=" + weightDecay + ", " + adam.hyperparameters() + "]";
    }
}
