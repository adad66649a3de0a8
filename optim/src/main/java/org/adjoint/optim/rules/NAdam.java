package org.adjoint.optim.rules;

import java.util.Map;
import java.util.Objects;
import org.adjoint.core.Shape;
import org.adjoint.core.Tensor;
import org.adjoint.optim.Hyperparameters;
import org.adjoint.optim.Slots;
import org.adjoint.optim.Update;
import org.adjoint.optim.UpdateRule;

/**
 * NAdam, Adam with Nesterov momentum (Dozat, 2016), as {@code torch.optim.NAdam}, with the momentum
 * schedule μₜ = β₁·(1 − ½·0.96^(t·ψ)) for momentum decay ψ:
 * <pre>
 *   t ← t + 1
 *   g ← g + λ·θ                                   (coupled L2 weight decay, if λ ≠ 0)
 *   Π ← Π·μₜ                                      (Π starts at 1)
 *   m ← β₁·m + (1 − β₁)·g
 *   v ← β₂·v + (1 − β₂)·g²
 *   d ← √(v / (1 − β₂ᵗ)) + ε
 *   θ ← θ − η·(1 − μₜ)/(1 − Π) · g/d − η·μₜ₊₁/(1 − Π·μₜ₊₁) · m/d
 * </pre>
 * Defaults as in PyTorch: η = 2e-3, β₁ = 0.9, β₂ = 0.999, ε = 1e-8, λ = 0, ψ = 4e-3. PyTorch's
 * {@code decoupled_weight_decay=True} is the rule {@link NAdamW}.
 *
 * @param learningRate  η, at least 0
 * @param beta1         β₁, in [0, 1)
 * @param beta2         β₂, in [0, 1)
 * @param epsilon       ε, above 0
 * @param weightDecay   λ, at least 0
 * @param momentumDecay ψ, at least 0
 */
public record NAdam(double learningRate, double beta1, double beta2, double epsilon, double weightDecay, double momentumDecay)
        implements UpdateRule<NAdam.State> {

    /**
     * NAdam's state for one tensor.
     *
     * @param step      the number of steps taken, t
     * @param muProduct Π, the product of the momentum schedule so far
     * @param m         the first moment
     * @param v         the second moment
     */
    public record State(long step, double muProduct, Tensor m, Tensor v) {

        /** Refuses a missing moments. */
        public State {
            Objects.requireNonNull(m, "NAdam.State: m is null");
            Objects.requireNonNull(v, "NAdam.State: v is null");
        }
    }

    private static final String NAME = "NAdam";

    /** Validates every hyperparameter. */
    public NAdam {
        Hyperparameters.learningRate(NAME, learningRate);
        Adam.validateMoments(NAME, beta1, beta2, epsilon);
        Hyperparameters.nonNegative(NAME, "weightDecay", weightDecay);
        Hyperparameters.nonNegative(NAME, "momentumDecay", momentumDecay);
    }

    /** NAdam with learning rate η and PyTorch's other defaults. */
    public NAdam(double learningRate) {
        this(learningRate, 0.9, 0.999, 1e-8, 0, 4e-3);
    }

    @Override
    public State init(Tensor param) {
        Objects.requireNonNull(param, "param");
        return start(param);
    }

    @Override
    public Update<State> apply(Tensor param, Tensor grad, State state, double lr) {
        return step(param, Moments.withWeightDecay(grad, param, weightDecay), state, lr, beta1, beta2, epsilon, momentumDecay);
    }

    /** Zero moments and Π = 1 at step 0, shared with {@link NAdamW}. */
    static State start(Tensor param) {
        Tensor zeros = Tensor.zeros(param.shape());
        return new State(0, 1, zeros, zeros);
    }

    /** The momentum schedule μₜ = β₁·(1 − ½·0.96^(t·ψ)). */
    private static double mu(double beta1, double momentumDecay, long t) {
        return beta1 * (1 - 0.5 * Math.pow(0.96, t * momentumDecay));
    }

    /** The NAdam step, shared with {@link NAdamW}: {@code g} already carries any coupled decay. */
    static Update<State> step(Tensor param, Tensor g, State state, double lr, double beta1, double beta2, double epsilon,
                              double momentumDecay) {
        long t = state.step() + 1;
        double mu = mu(beta1, momentumDecay, t);
        double muNext = mu(beta1, momentumDecay, t + 1);
        double muProduct = state.muProduct() * mu;
        Tensor m = Moments.average(state.m(), beta1, g);
        Tensor v = Moments.averageOfSquares(state.v(), beta2, g);
        Tensor d = v.div(1 - Math.pow(beta2, t)).sqrt().add(epsilon);
        Tensor updated = param.sub(g.div(d).mul(lr * (1 - mu) / (1 - muProduct)))
                .sub(m.div(d).mul(lr * muNext / (1 - muProduct * muNext)));
        return new Update<>(updated, new State(t, muProduct, m, v));
    }

    @Override
    public Map<String, Tensor> save(State state) {
        return saveState(state);
    }

    @Override
    public State restore(Map<String, Tensor> saved, Tensor param) {
        return restoreState(NAME, saved, param);
    }

    /** The state under PyTorch's names, shared with {@link NAdamW}. */
    static Map<String, Tensor> saveState(State state) {
        return Map.of("step", Tensor.scalar(state.step()), "mu_product", Tensor.scalar(state.muProduct()),
                "exp_avg", state.m(), "exp_avg_sq", state.v());
    }

    /** The state {@link #saveState} wrote, for the rule named {@code rule}. */
    static State restoreState(String rule, Map<String, Tensor> saved, Tensor param) {
        Objects.requireNonNull(saved, "saved");
        Objects.requireNonNull(param, "param");
        return new State(Slots.counter(rule, saved, "step"),
                Slots.get(rule, saved, "mu_product", Shape.SCALAR).item(),
                Slots.get(rule, saved, "exp_avg", param.shape()), Slots.get(rule, saved, "exp_avg_sq", param.shape()));
    }
}
