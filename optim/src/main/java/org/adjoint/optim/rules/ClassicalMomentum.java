package org.adjoint.optim.rules;

import java.util.Map;
import java.util.Objects;
import org.adjoint.core.Tensor;
import org.adjoint.optim.Hyperparameters;
import org.adjoint.optim.Slots;
import org.adjoint.optim.Update;
import org.adjoint.optim.UpdateRule;

/**
 * Momentum with the velocity in parameter units (Sutskever, Martens, Dahl and Hinton 2013; the CS231n
 * notes' {@code v = mu·v − lr·dx; x += v}):
 * <pre>
 *   g ← g + λ·θ          (coupled L2 weight decay, if λ ≠ 0)
 *   v ← γ·v + η·g        (v starts at 0)
 *   θ ← θ − v
 * </pre>
 * Its first step equals {@link Sgd}'s with momentum; the two differ once the learning rate changes,
 * because here a new rate only affects new gradients while the accumulated velocity keeps the old one.
 *
 * @param learningRate η, at least 0
 * @param momentum     γ, in [0, 1)
 * @param weightDecay  λ, at least 0
 */
public record ClassicalMomentum(double learningRate, double momentum, double weightDecay)
        implements UpdateRule<ClassicalMomentum.State> {

    /**
     * The velocity.
     *
     * @param velocity v, of the parameter's shape
     */
    public record State(Tensor velocity) {

        /** Refuses a missing moment. */
        public State {
            Objects.requireNonNull(velocity, "ClassicalMomentum.State: velocity is null");
        }
    }

    private static final String NAME = "ClassicalMomentum";

    /** Validates every hyperparameter. */
    public ClassicalMomentum {
        Hyperparameters.learningRate(NAME, learningRate);
        Hyperparameters.unitInterval(NAME, "momentum", momentum);
        Hyperparameters.nonNegative(NAME, "weightDecay", weightDecay);
    }

    /** Learning rate η and momentum γ in [0, 1), without weight decay. */
    public ClassicalMomentum(double learningRate, double momentum) {
        this(learningRate, momentum, 0);
    }

    @Override
    public State init(Tensor param) {
        Objects.requireNonNull(param, "param");
        return new State(Tensor.zeros(param.shape()));
    }

    @Override
    public Update<State> apply(Tensor param, Tensor grad, State state, double lr) {
        Tensor g = Moments.withWeightDecay(grad, param, weightDecay);
        Tensor v = state.velocity().mul(momentum).add(g.mul(lr));
        return new Update<>(param.sub(v), new State(v));
    }

    @Override
    public Map<String, Tensor> save(State state) {
        return Map.of("velocity", state.velocity());
    }

    @Override
    public State restore(Map<String, Tensor> saved, Tensor param) {
        Objects.requireNonNull(saved, "saved");
        Objects.requireNonNull(param, "param");
        return new State(Slots.get(NAME, saved, "velocity", param.shape()));
    }
}
