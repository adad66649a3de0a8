package org.adjoint.optim.rules;

import java.util.Map;
import java.util.Objects;
import org.adjoint.core.Tensor;
import org.adjoint.optim.Hyperparameters;
import org.adjoint.optim.Update;
import org.adjoint.optim.UpdateRule;

/**
 * Stochastic gradient descent, optionally with momentum, exactly as {@code torch.optim.SGD}:
 * <pre>
 *   g ← g + λ·θ                                     (coupled L2 weight decay, if λ ≠ 0)
 *   b ← g at the first step, then μ·b + (1 − τ)·g   (if μ ≠ 0)
 *   θ ← θ − η·b, or θ ← θ − η·g if μ = 0
 * </pre>
 * with learning rate η, momentum μ, dampening τ and weight decay λ. Without momentum this is plain
 * gradient descent with a fixed step η (full batch, minibatch or single example, depending on the
 * gradients it is given). The velocity here is kept in gradient units ({@code v = ρ·v + g; θ −= η·v},
 * as in the EECS 498 notes); for the form that keeps it in parameter units ({@code v = γ·v + η·g;
 * θ −= v}, Sutskever et al. 2013, the CS231n notes) use {@link ClassicalMomentum}, and for PyTorch's
 * {@code nesterov=True} use {@link NesterovMomentum}. Defaults as in PyTorch: μ = 0, τ = 0, λ = 0.
 *
 * @param learningRate η, at least 0
 * @param momentum     μ, at least 0
 * @param dampening    τ, at least 0
 * @param weightDecay  λ, at least 0
 */
public record Sgd(double learningRate, double momentum, double dampening, double weightDecay)
        implements UpdateRule<Sgd.State> {

    /**
     * The momentum buffer b, absent before the first step (PyTorch starts it at the first gradient).
     *
     * @param buffer b, or null before the first step or without momentum
     */
    public record State(Tensor buffer) {
    }

    private static final String NAME = "Sgd";

    /** Validates every hyperparameter. */
    public Sgd {
        Hyperparameters.learningRate(NAME, learningRate);
        Hyperparameters.nonNegative(NAME, "momentum", momentum);
        Hyperparameters.nonNegative(NAME, "dampening", dampening);
        Hyperparameters.nonNegative(NAME, "weightDecay", weightDecay);
    }

    /** Plain gradient descent with step η: {@code θ ← θ − η·g}. */
    public Sgd(double learningRate) {
        this(learningRate, 0, 0, 0);
    }

    /** Gradient descent with momentum μ, no dampening and no weight decay. */
    public Sgd(double learningRate, double momentum) {
        this(learningRate, momentum, 0, 0);
    }

    @Override
    public State init(Tensor param) {
        Objects.requireNonNull(param, "param");
        return new State(null);
    }

    @Override
    public Update<State> apply(Tensor param, Tensor grad, State state, double lr) {
        Tensor g = Moments.withWeightDecay(grad, param, weightDecay);
        Tensor buffer = null;
        if (momentum != 0) {
            buffer = state.buffer() == null ? g : state.buffer().mul(momentum).add(g.mul(1 - dampening));
            g = buffer;
        }
        return new Update<>(param.sub(g.mul(lr)), new State(buffer));
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
