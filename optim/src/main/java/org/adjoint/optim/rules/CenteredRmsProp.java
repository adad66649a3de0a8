package org.adjoint.optim.rules;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.adjoint.core.Tensor;
import org.adjoint.optim.Slots;
import org.adjoint.optim.Update;
import org.adjoint.optim.UpdateRule;

/**
 * Centered RMSProp (Graves, 2013), as {@code torch.optim.RMSprop(centered=True)}: {@link RmsProp}
 * dividing by an estimate of the gradient's standard deviation rather than its root mean square,
 * <pre>
 *   g ← g + λ·θ                     (coupled L2 weight decay, if λ ≠ 0)
 *   s ← α·s + (1 − α)·g⊙g
 *   ḡ ← α·ḡ + (1 − α)·g
 *   a ← √(s − ḡ²) + ε
 *   θ ← θ − η·g / a, or with momentum μ &gt; 0: b ← μ·b + g / a;  θ ← θ − η·b
 * </pre>
 * Defaults as in PyTorch: η = 1e-2, α = 0.99, ε = 1e-8, λ = 0, μ = 0.
 *
 * @param learningRate η, at least 0
 * @param alpha        the decay rate α, in [0, 1)
 * @param epsilon      ε, above 0
 * @param weightDecay  λ, at least 0
 * @param momentum     μ, at least 0
 */
public record CenteredRmsProp(double learningRate, double alpha, double epsilon, double weightDecay, double momentum)
        implements UpdateRule<CenteredRmsProp.State> {

    /**
     * Centered RMSProp's state for one tensor.
     *
     * @param squareAverage s
     * @param gradAverage   ḡ
     * @param buffer        b (with momentum only, else null)
     */
    public record State(Tensor squareAverage, Tensor gradAverage, Tensor buffer) {

        /** Refuses a missing moments (the momentum buffer may be null). */
        public State {
            Objects.requireNonNull(squareAverage, "CenteredRmsProp.State: squareAverage is null");
            Objects.requireNonNull(gradAverage, "CenteredRmsProp.State: gradAverage is null");
        }
    }

    private static final String NAME = "CenteredRmsProp";

    /** Validates every hyperparameter. */
    public CenteredRmsProp {
        RmsProp.validate(NAME, learningRate, alpha, epsilon, weightDecay, momentum);
    }

    /** Centered RMSProp with learning rate η and PyTorch's other defaults. */
    public CenteredRmsProp(double learningRate) {
        this(learningRate, 0.99, 1e-8, 0, 0);
    }

    @Override
    public State init(Tensor param) {
        Objects.requireNonNull(param, "param");
        Tensor zeros = Tensor.zeros(param.shape());
        return new State(zeros, zeros, momentum > 0 ? zeros : null);
    }

    @Override
    public Update<State> apply(Tensor param, Tensor grad, State state, double lr) {
        Tensor g = Moments.withWeightDecay(grad, param, weightDecay);
        Tensor s = Moments.averageOfSquares(state.squareAverage(), alpha, g);
        Tensor gBar = Moments.average(state.gradAverage(), alpha, g);
        Tensor a = s.sub(gBar.mul(gBar)).sqrt().add(epsilon);
        if (momentum == 0) {
            return new Update<>(param.sub(g.div(a).mul(lr)), new State(s, gBar, null));
        }
        Tensor b = state.buffer().mul(momentum).add(g.div(a));
        return new Update<>(param.sub(b.mul(lr)), new State(s, gBar, b));
    }

    @Override
    public Map<String, Tensor> save(State state) {
        Map<String, Tensor> saved = new LinkedHashMap<>();
        saved.put("square_avg", state.squareAverage());
        saved.put("grad_avg", state.gradAverage());
        saved.putAll(Moments.saveBuffer(state.buffer()));
        return saved;
    }

    @Override
    public State restore(Map<String, Tensor> saved, Tensor param) {
        Objects.requireNonNull(saved, "saved");
        Objects.requireNonNull(param, "param");
        return new State(Slots.get(NAME, saved, "square_avg", param.shape()), Slots.get(NAME, saved, "grad_avg", param.shape()),
                momentum > 0 ? Slots.get(NAME, saved, "momentum_buffer", param.shape()) : null);
    }
}
