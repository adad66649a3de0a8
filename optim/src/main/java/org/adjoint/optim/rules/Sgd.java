package org.adjoint.optim.rules;

import java.util.Map;
import org.adjoint.core.Tensor;

/**
 * Stochastic gradient descent, optionally with momentum, exactly as {@code torch.optim.SGD}:
 * <pre>
 *   g ← g + λ·θ                                     (coupled L2 weight decay, if λ ≠ 0)
 *   b ← g at the first step, then μ·b + (1 − τ)·g   (if μ ≠ 0)
 *   g ← g + μ·b if Nesterov, else b                 (if μ ≠ 0)
 *   θ ← θ − η·g
 * </pre>
 * with learning rate η, momentum μ, dampening τ and weight decay λ. Without momentum this is plain
 * gradient descent with a fixed step η (full batch, minibatch or single example, depending on the
 * gradients it is given). The velocity here is kept in gradient units ({@code v = ρ·v + g; θ −= η·v},
 * as in the EECS 498 notes); for the form that keeps it in parameter units ({@code v = γ·v + η·g;
 * θ −= v}, Sutskever et al. 2013, the CS231n notes) use {@link ClassicalMomentum}. The two agree until
 * the learning rate changes.
 */
public final class Sgd implements UpdateRule<Sgd.State> {

    /**
     * The momentum buffer b, absent before the first step (PyTorch starts it at the first gradient).
     *
     * @param buffer b, or null before the first step or without momentum
     */
    public record State(Tensor buffer) {
    }

    private static final String NAME = "Sgd";

    private final double learningRate;
    private final double momentum;
    private final double dampening;
    private final double weightDecay;
    private final boolean nesterov;

    private Sgd(double learningRate, double momentum, double dampening, double weightDecay, boolean nesterov) {
        this.learningRate = Hyperparameters.learningRate(NAME, learningRate);
        this.momentum = Hyperparameters.nonNegative(NAME, "momentum", momentum);
        this.dampening = Hyperparameters.nonNegative(NAME, "dampening", dampening);
        this.weightDecay = Hyperparameters.nonNegative(NAME, "weightDecay", weightDecay);
        this.nesterov = nesterov;
        if (nesterov && (momentum <= 0 || dampening != 0)) {
            throw new IllegalArgumentException(NAME + ": Nesterov momentum needs momentum > 0 and dampening = 0, got momentum = "
                    + momentum + ", dampening = " + dampening);
        }
    }

    /** Plain gradient descent with step η: {@code θ ← θ − η·g}. */
    public static Sgd withLearningRate(double learningRate) {
        return new Sgd(learningRate, 0, 0, 0, false);
    }

    /** The same rule with momentum μ (PyTorch's default 0). */
    public Sgd momentum(double mu) {
        return new Sgd(learningRate, mu, dampening, weightDecay, nesterov);
    }

    /** The same rule with dampening τ (PyTorch's default 0). */
    public Sgd dampening(double tau) {
        return new Sgd(learningRate, momentum, tau, weightDecay, nesterov);
    }

    /** The same rule with coupled L2 weight decay λ (PyTorch's default 0). */
    public Sgd weightDecay(double lambda) {
        return new Sgd(learningRate, momentum, dampening, lambda, nesterov);
    }

    /** The same rule with Nesterov momentum (needs momentum > 0 and no dampening). */
    public Sgd nesterov() {
        return new Sgd(learningRate, momentum, dampening, weightDecay, true);
    }

    @Override
    public double learningRate() {
        return learningRate;
    }

    @Override
    public State init(Tensor param) {
        return new State(null);
    }

    @Override
    public Update<State> apply(Tensor param, Tensor grad, State state, double lr) {
        Tensor g = Moments.withWeightDecay(grad, param, weightDecay);
        Tensor buffer = null;
        if (momentum != 0) {
            buffer = state.buffer() == null ? g : state.buffer().mul(momentum).add(g.mul(1 - dampening));
            g = nesterov ? g.add(buffer.mul(momentum)) : buffer;
        }
        return new Update<>(param.sub(g.mul(lr)), new State(buffer));
    }

    @Override
    public Map<String, Tensor> save(State state) {
        return state.buffer() == null ? Map.of() : Map.of("momentum_buffer", state.buffer());
    }

    @Override
    public State restore(Map<String, Tensor> saved, Tensor param) {
        return new State(saved.isEmpty() ? null : Slots.get(NAME, saved, "momentum_buffer", param.shape()));
    }

    @Override
    public String toString() {
        return NAME + "[learningRate=" + learningRate + ", momentum=" + momentum + ", dampening=" + dampening
                + ", weightDecay=" + weightDecay + ", nesterov=" + nesterov + "]";
    }
}
