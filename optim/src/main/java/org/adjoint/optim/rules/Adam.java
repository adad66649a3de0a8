package org.adjoint.optim.rules;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.adjoint.core.Fused;
import org.adjoint.core.Tensor;
import org.adjoint.optim.Hyperparameters;
import org.adjoint.optim.Slots;
import org.adjoint.optim.Update;

/**
 * Adam (Kingma and Ba, 2015), as {@code torch.optim.Adam}:
 * <pre>
 *   t ← t + 1
 *   g ← g + λ·θ                           (coupled L2 weight decay, if λ ≠ 0)
 *   m ← β₁·m + (1 − β₁)·g
 *   v ← β₂·v + (1 − β₂)·g²
 *   θ ← θ − (η / (1 − β₁ᵗ)) · m / (√v / √(1 − β₂ᵗ) + ε)
 * </pre>
 * so ε is added outside the square root, after the second moment's bias correction. Variants are
 * rules of their own: {@link AmsGrad} (the largest second moment so far), {@link UncorrectedAdam}
 * (no bias correction) and {@link AdamW} (decoupled weight decay). Defaults as in PyTorch: β₁ = 0.9,
 * β₂ = 0.999, ε = 1e-8, λ = 0.
 *
 * @param learningRate η, at least 0
 * @param beta1        β₁, in [0, 1)
 * @param beta2        β₂, in [0, 1)
 * @param epsilon      ε, above 0
 * @param weightDecay  λ, at least 0
 */
public record Adam(double learningRate, double beta1, double beta2, double epsilon, double weightDecay)
        implements AdamMoments {

    /**
     * The state of Adam, {@link UncorrectedAdam} and {@link AdamW} for one tensor.
     *
     * @param step the number of steps taken, t
     * @param m    the first moment
     * @param v    the second moment
     */
    public record State(long step, Tensor m, Tensor v) {

        /** Checks that both moments are there. */
        public State {
            Objects.requireNonNull(m, "Adam.State: m is null");
            Objects.requireNonNull(v, "Adam.State: v is null");
        }
    }

    private static final String NAME = "Adam";

    /** Validates every hyperparameter. */
    public Adam {
        Hyperparameters.learningRate(NAME, learningRate);
        validateMoments(NAME, beta1, beta2, epsilon);
        Hyperparameters.nonNegative(NAME, "weightDecay", weightDecay);
    }

    /** Adam with learning rate η and PyTorch's other defaults. */
    public Adam(double learningRate) {
        this(learningRate, 0.9, 0.999, 1e-8, 0);
    }

    @Override
    public Update<State> apply(Tensor param, Tensor grad, State state, double lr) {
        return step(param, Moments.withWeightDecay(grad, param, weightDecay), state, lr, beta1, beta2, epsilon);
    }

    /** The bias-corrected Adam step, shared with {@link AdamW}: {@code g} already carries any coupled decay. */
    static Update<State> step(Tensor param, Tensor g, State state, double lr, double beta1, double beta2, double epsilon) {
        long t = state.step() + 1;
        Tensor m = Moments.average(state.m(), beta1, g);
        Tensor v = Moments.averageOfSquares(state.v(), beta2, g);
        Tensor updated = Fused.rootRatioStep(param, m, v, Math.sqrt(1 - Math.pow(beta2, t)), epsilon,
                lr / (1 - Math.pow(beta1, t)));
        return new Update<>(updated, new State(t, m, v));
    }

    /** The β₁, β₂ and ε checks of the Adam family. */
    static void validateMoments(String rule, double beta1, double beta2, double epsilon) {
        Hyperparameters.unitInterval(rule, "beta1", beta1);
        Hyperparameters.unitInterval(rule, "beta2", beta2);
        Hyperparameters.positive(rule, "epsilon", epsilon);
    }

    /** Zero moments at step 0. */
    static State start(Tensor param) {
        Tensor zeros = Tensor.zeros(param.shape());
        return new State(0, zeros, zeros);
    }

    /** The step count and moments, in a fixed order (so the same checkpoint is written byte for byte). */
    static Map<String, Tensor> save(long step, Tensor m, Tensor v) {
        Map<String, Tensor> saved = new LinkedHashMap<>();
        saved.put("step", Tensor.scalar(step));
        saved.put("exp_avg", m);
        saved.put("exp_avg_sq", v);
        return saved;
    }

    /** The state {@link #save} wrote, for the rule named {@code rule}. */
    static State restore(String rule, Map<String, Tensor> saved, Tensor param) {
        return new State(Slots.counter(rule, saved, "step"), Slots.get(rule, saved, "exp_avg", param.shape()),
                Slots.get(rule, saved, "exp_avg_sq", param.shape()));
    }
}
