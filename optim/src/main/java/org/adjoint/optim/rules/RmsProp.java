package org.adjoint.optim.rules;

import java.util.LinkedHashMap;
import java.util.Map;
import org.adjoint.core.Fused;
import org.adjoint.core.Tensor;

/**
 * RMSProp (Hinton's lecture notes, 2012), as {@code torch.optim.RMSprop}:
 * <pre>
 *   g ← g + λ·θ                                   (coupled L2 weight decay, if λ ≠ 0)
 *   s ← α·s + (1 − α)·g⊙g
 *   a ← √s + ε, or centered: ḡ ← α·ḡ + (1 − α)·g;  a ← √(s − ḡ²) + ε
 *   θ ← θ − η·g / a, or with momentum μ: b ← μ·b + g / a;  θ ← θ − η·b
 * </pre>
 * so ε is added outside the square root. Defaults as in PyTorch: η = 1e-2, α = 0.99, ε = 1e-8,
 * λ = 0, μ = 0, not centered.
 */
public final class RmsProp implements UpdateRule<RmsProp.State> {

    /**
     * RMSProp's state for one tensor.
     *
     * @param squareAverage s
     * @param gradAverage   ḡ (centered only, else null)
     * @param buffer        b (with momentum only, else null)
     */
    public record State(Tensor squareAverage, Tensor gradAverage, Tensor buffer) {
    }

    private static final String NAME = "RmsProp";

    private final double learningRate;
    private final double alpha;
    private final double epsilon;
    private final double weightDecay;
    private final double momentum;
    private final boolean centered;

    private RmsProp(double learningRate, double alpha, double epsilon, double weightDecay, double momentum, boolean centered) {
        this.learningRate = Hyperparameters.learningRate(NAME, learningRate);
        this.alpha = Hyperparameters.unitInterval(NAME, "alpha", alpha);
        this.epsilon = Hyperparameters.positive(NAME, "epsilon", epsilon);
        this.weightDecay = Hyperparameters.nonNegative(NAME, "weightDecay", weightDecay);
        this.momentum = Hyperparameters.nonNegative(NAME, "momentum", momentum);
        this.centered = centered;
    }

    /** RMSProp with learning rate η and PyTorch's other defaults. */
    public static RmsProp withLearningRate(double learningRate) {
        return new RmsProp(learningRate, 0.99, 1e-8, 0, 0, false);
    }

    /** The same rule with decay rate α in [0, 1) (the lessons' γ). */
    public RmsProp alpha(double newAlpha) {
        return new RmsProp(learningRate, newAlpha, epsilon, weightDecay, momentum, centered);
    }

    /** The same rule with ε > 0. */
    public RmsProp epsilon(double newEpsilon) {
        return new RmsProp(learningRate, alpha, newEpsilon, weightDecay, momentum, centered);
    }

    /** The same rule with coupled L2 weight decay λ. */
    public RmsProp weightDecay(double lambda) {
        return new RmsProp(learningRate, alpha, epsilon, lambda, momentum, centered);
    }

    /** The same rule with momentum μ. */
    public RmsProp momentum(double mu) {
        return new RmsProp(learningRate, alpha, epsilon, weightDecay, mu, centered);
    }

    /** The centered variant, which divides by an estimate of the gradient's variance rather than its second moment. */
    public RmsProp centered() {
        return new RmsProp(learningRate, alpha, epsilon, weightDecay, momentum, true);
    }

    @Override
    public double learningRate() {
        return learningRate;
    }

    @Override
    public State init(Tensor param) {
        Tensor zeros = Tensor.zeros(param.shape());
        return new State(zeros, centered ? zeros : null, momentum > 0 ? zeros : null);
    }

    @Override
    public Update<State> apply(Tensor param, Tensor grad, State state, double lr) {
        Tensor g = Moments.withWeightDecay(grad, param, weightDecay);
        Tensor s = Moments.averageOfSquares(state.squareAverage(), alpha, g);
        if (!centered && momentum == 0) {
            return new Update<>(Fused.rootRatioStep(param, g, s, 1, epsilon, lr), new State(s, null, null));
        }
        Tensor gBar = centered ? Moments.average(state.gradAverage(), alpha, g) : null;
        Tensor a = (centered ? s.sub(gBar.mul(gBar)) : s).sqrt().add(epsilon);
        if (momentum > 0) {
            Tensor b = state.buffer().mul(momentum).add(g.div(a));
            return new Update<>(param.sub(b.mul(lr)), new State(s, gBar, b));
        }
        return new Update<>(param.sub(g.div(a).mul(lr)), new State(s, gBar, null));
    }

    @Override
    public Map<String, Tensor> save(State state) {
        Map<String, Tensor> saved = new LinkedHashMap<>();
        saved.put("square_avg", state.squareAverage());
        if (state.gradAverage() != null) {
            saved.put("grad_avg", state.gradAverage());
        }
        if (state.buffer() != null) {
            saved.put("momentum_buffer", state.buffer());
        }
        return saved;
    }

    @Override
    public State restore(Map<String, Tensor> saved, Tensor param) {
        return new State(Slots.get(NAME, saved, "square_avg", param.shape()),
                centered ? Slots.get(NAME, saved, "grad_avg", param.shape()) : null,
                momentum > 0 ? Slots.get(NAME, saved, "momentum_buffer", param.shape()) : null);
    }

    @Override
    public String toString() {
        return NAME + "[learningRate=" + learningRate + ", alpha=" + alpha + ", epsilon=" + epsilon + ", weightDecay="
                + weightDecay + ", momentum=" + momentum + ", centered=" + centered + "]";
    }
}
