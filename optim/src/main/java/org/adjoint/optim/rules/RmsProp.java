package org.adjoint.optim.rules;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.adjoint.core.Fused;
import org.adjoint.core.Tensor;
import org.adjoint.optim.Hyperparameters;
import org.adjoint.optim.Slots;
import org.adjoint.optim.Update;
import org.adjoint.optim.UpdateRule;

/**
 * RMSProp (Hinton's lecture notes, 2012), as {@code torch.optim.RMSprop}:
 * <pre>
 *   g ← g + λ·θ                     (coupled L2 weight decay, if λ ≠ 0)
 *   s ← α·s + (1 − α)·g⊙g
 *   θ ← θ − η·g / (√s + ε), or with momentum μ &gt; 0: b ← μ·b + g / (√s + ε);  θ ← θ − η·b
 * </pre>
 * so ε is added outside the square root. For {@code centered=True} use {@link CenteredRmsProp}.
 * Defaults as in PyTorch: η = 1e-2, α = 0.99, ε = 1e-8, λ = 0, μ = 0.
 *
 * @param learningRate η, at least 0
 * @param alpha        the decay rate α (the lessons' γ), in [0, 1)
 * @param epsilon      ε, above 0
 * @param weightDecay  λ, at least 0
 * @param momentum     μ, at least 0
 */
public record RmsProp(double learningRate, double alpha, double epsilon, double weightDecay, double momentum)
        implements UpdateRule<RmsProp.State> {

    /**
     * RMSProp's state for one tensor.
     *
     * @param squareAverage s
     * @param buffer        b (with momentum only, else null)
     */
    public record State(Tensor squareAverage, Tensor buffer) {

        /** Refuses a missing moment (the momentum buffer may be null). */
        public State {
            Objects.requireNonNull(squareAverage, "RmsProp.State: squareAverage is null");
        }
    }

    private static final String NAME = "RmsProp";

    /** Validates every hyperparameter. */
    public RmsProp {
        validate(NAME, learningRate, alpha, epsilon, weightDecay, momentum);
    }

    /** RMSProp with learning rate η and PyTorch's other defaults. */
    public RmsProp(double learningRate) {
        this(learningRate, 0.99, 1e-8, 0, 0);
    }

    @Override
    public State init(Tensor param) {
        Objects.requireNonNull(param, "param");
        Tensor zeros = Tensor.zeros(param.shape());
        return new State(zeros, momentum > 0 ? zeros : null);
    }

    @Override
    public Update<State> apply(Tensor param, Tensor grad, State state, double lr) {
        Tensor g = Moments.withWeightDecay(grad, param, weightDecay);
        Tensor s = Moments.averageOfSquares(state.squareAverage(), alpha, g);
        if (momentum == 0) {
            return new Update<>(Fused.rootRatioStep(param, g, s, 1, epsilon, lr), new State(s, null));
        }
        Tensor b = state.buffer().mul(momentum).add(g.div(s.sqrt().add(epsilon)));
        return new Update<>(param.sub(b.mul(lr)), new State(s, b));
    }

    @Override
    public Map<String, Tensor> save(State state) {
        Map<String, Tensor> saved = new LinkedHashMap<>();
        saved.put("square_avg", state.squareAverage());
        saved.putAll(Moments.saveBuffer(state.buffer()));
        return saved;
    }

    @Override
    public State restore(Map<String, Tensor> saved, Tensor param) {
        Objects.requireNonNull(saved, "saved");
        Objects.requireNonNull(param, "param");
        return new State(Slots.get(NAME, saved, "square_avg", param.shape()),
                momentum > 0 ? Slots.get(NAME, saved, "momentum_buffer", param.shape()) : null);
    }

    /** The checks RMSProp and {@link CenteredRmsProp} share. */
    static void validate(String rule, double learningRate, double alpha, double epsilon, double weightDecay, double momentum) {
        Hyperparameters.learningRate(rule, learningRate);
        Hyperparameters.unitInterval(rule, "alpha", alpha);
        Hyperparameters.positive(rule, "epsilon", epsilon);
        Hyperparameters.nonNegative(rule, "weightDecay", weightDecay);
        Hyperparameters.nonNegative(rule, "momentum", momentum);
    }
}
