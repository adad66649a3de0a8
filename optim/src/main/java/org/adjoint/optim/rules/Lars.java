package org.adjoint.optim.rules;

import java.util.Map;
import java.util.Objects;
import org.adjoint.core.Tensor;
import org.adjoint.optim.Hyperparameters;
import org.adjoint.optim.Slots;
import org.adjoint.optim.Update;
import org.adjoint.optim.UpdateRule;

/**
 * LARS, layer-wise adaptive rate scaling (You, Gitman and Ginsburg 2017, "Large Batch Training of
 * Convolutional Networks", Algorithm 1): momentum SGD whose gradient is rescaled per parameter tensor
 * by a local rate, in the form common implementations use ({@code timm.optim.Lars} with
 * {@code always_adapt=True}):
 * <pre>
 *   ρ = κ·‖θ‖ / (‖g‖ + λ·‖θ‖)          (the local rate; 1 if ‖θ‖ = 0 or ‖g‖ = 0, as in timm)
 *   b ← μ·b + ρ·(g + λ·θ)              (b starts at 0, so its first value is ρ·(g + λ·θ))
 *   θ ← θ − η·b
 * </pre>
 * with trust coefficient κ, momentum μ and weight decay λ, the norms Euclidean over the whole tensor
 * (every tensor, biases included). A tensor at 0 (a bias before training) takes the plain step η·g;
 * one with a zero gradient only decays, by η·λ·θ. The paper keeps its velocity in parameter units,
 * {@code v ← μ·v + η·ρ·(g + λ·θ); θ ← θ − v} (as {@link ClassicalMomentum}); here the buffer is in
 * gradient units (as {@link Sgd} and timm), so a new learning rate applies at once to the whole step;
 * the two agree while η is constant. Unlike timm, ρ is always applied (timm, by default, only when
 * λ ≠ 0), its denominator has no ε (it is above 0 whenever ‖g‖ is), and there is no dampening,
 * Nesterov or LARC-clipping switch. {@code torch.optim} has no LARS. Defaults: κ = 0.001 (the paper's
 * and timm's), μ = 0.9 (the usual value; timm's default is 0), λ = 0.
 *
 * @param learningRate     η, at least 0
 * @param momentum         μ, at least 0
 * @param trustCoefficient κ, above 0
 * @param weightDecay      λ, at least 0
 */
public record Lars(double learningRate, double momentum, double trustCoefficient, double weightDecay)
        implements UpdateRule<Lars.State> {

    /**
     * The momentum buffer of one tensor.
     *
     * @param buffer b, of the parameter's shape
     */
    public record State(Tensor buffer) {

        /** Refuses a missing buffer. */
        public State {
            Objects.requireNonNull(buffer, "Lars.State: buffer is null");
        }
    }

    private static final String NAME = "Lars";

    /** Validates every hyperparameter. */
    public Lars {
        Hyperparameters.learningRate(NAME, learningRate);
        Hyperparameters.nonNegative(NAME, "momentum", momentum);
        Hyperparameters.positive(NAME, "trustCoefficient", trustCoefficient);
        Hyperparameters.nonNegative(NAME, "weightDecay", weightDecay);
    }

    /** LARS with learning rate η, μ = 0.9, κ = 0.001 and λ = 0. */
    public Lars(double learningRate) {
        this(learningRate, 0.9, 0.001, 0);
    }

    @Override
    public State init(Tensor param) {
        Objects.requireNonNull(param, "param");
        return new State(Tensor.zeros(param.shape()));
    }

    @Override
    public Update<State> apply(Tensor param, Tensor grad, State state, double lr) {
        double paramNorm = TrustRatio.norm(param);
        double gradNorm = TrustRatio.norm(grad);
        double rho = paramNorm == 0 || gradNorm == 0 ? 1
                : trustCoefficient * paramNorm / (gradNorm + weightDecay * paramNorm);
        Tensor b = state.buffer().mul(momentum).add(Moments.withWeightDecay(grad, param, weightDecay).mul(rho));
        return new Update<>(param.sub(b.mul(lr)), new State(b));
    }

    @Override
    public Map<String, Tensor> save(State state) {
        return Map.of("momentum_buffer", state.buffer());
    }

    @Override
    public State restore(Map<String, Tensor> saved, Tensor param) {
        Objects.requireNonNull(saved, "saved");
        Objects.requireNonNull(param, "param");
        return new State(Slots.get(NAME, saved, "momentum_buffer", param.shape()));
    }
}
