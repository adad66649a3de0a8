package org.adjoint.optim.rules;

import java.util.Map;
import java.util.Objects;
import org.adjoint.core.Tensor;
import org.adjoint.optim.Hyperparameters;
import org.adjoint.optim.Update;
import org.adjoint.optim.UpdateRule;

/**
 * Gradient descent with Nesterov momentum, exactly as {@code torch.optim.SGD(nesterov=True)}
 * (Sutskever, Martens, Dahl and Hinton, 2013, in the form of Bengio et al., 2013):
 * <pre>
 *   g ← g + λ·θ                          (coupled L2 weight decay, if λ ≠ 0)
 *   b ← g at the first step, then μ·b + g
 *   θ ← θ − η·(g + μ·b)
 * </pre>
 * It is {@link Sgd} with momentum that looks one step ahead; PyTorch allows it only without dampening,
 * so there is none here. Defaults as in PyTorch: λ = 0.
 *
 * @param learningRate η, at least 0
 * @param momentum     μ, above 0
 * @param weightDecay  λ, at least 0
 */
public record NesterovMomentum(double learningRate, double momentum, double weightDecay)
        implements UpdateRule<NesterovMomentum.State> {

    /**
     * The momentum buffer b, absent before the first step.
     *
     * @param buffer b, or null before the first step
     */
    public record State(Tensor buffer) {
    }

    private static final String NAME = "NesterovMomentum";

    /** Validates every hyperparameter. */
    public NesterovMomentum {
        Hyperparameters.learningRate(NAME, learningRate);
        Hyperparameters.positive(NAME, "momentum", momentum);
        Hyperparameters.nonNegative(NAME, "weightDecay", weightDecay);
    }

    /** Nesterov momentum μ without weight decay. */
    public NesterovMomentum(double learningRate, double momentum) {
        this(learningRate, momentum, 0);
    }

    @Override
    public State init(Tensor param) {
        Objects.requireNonNull(param, "param");
        return new State(null);
    }

    @Override
    public Update<State> apply(Tensor param, Tensor grad, State state, double lr) {
        Tensor g = Moments.withWeightDecay(grad, param, weightDecay);
        Tensor buffer = state.buffer() == null ? g : state.buffer().mul(momentum).add(g);
        return new Update<>(param.sub(g.add(buffer.mul(momentum)).mul(lr)), new State(buffer));
    }

    @Override
    public Map<String, Tensor> save(State state) {
        return Moments.saveBuffer(state.buffer());
    }

    @Override
    public State restore(Map<String, Tensor> saved, Tensor param) {
        Objects.requireNonNull(saved, "saved");
        Objects.requireNonNull(param, "param");
        return new State(Moments.restoreBuffer(NAME, saved, param));
    }
}
