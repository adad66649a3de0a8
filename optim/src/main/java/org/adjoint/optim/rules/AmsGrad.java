package org.adjoint.optim.rules;

import java.util.Map;
import java.util.Objects;
import org.adjoint.core.Fused;
import org.adjoint.core.Tensor;
import org.adjoint.optim.Hyperparameters;
import org.adjoint.optim.Slots;
import org.adjoint.optim.Update;
import org.adjoint.optim.UpdateRule;

/**
 * AMSGrad (Reddi, Kale and Kumar, 2018), as {@code torch.optim.Adam(amsgrad=True)}: {@link Adam} that
 * divides by the largest second moment so far, so the effective step never grows:
 * <pre>
 *   t ← t + 1
 *   g ← g + λ·θ                           (coupled L2 weight decay, if λ ≠ 0)
 *   m ← β₁·m + (1 − β₁)·g
 *   v ← β₂·v + (1 − β₂)·g²
 *   v̂max ← max(v̂max, v)
 *   θ ← θ − (η / (1 − β₁ᵗ)) · m / (√v̂max / √(1 − β₂ᵗ) + ε)
 * </pre>
 * Defaults as in PyTorch: β₁ = 0.9, β₂ = 0.999, ε = 1e-8, λ = 0.
 *
 * @param learningRate η, at least 0
 * @param beta1        β₁, in [0, 1)
 * @param beta2        β₂, in [0, 1)
 * @param epsilon      ε, above 0
 * @param weightDecay  λ, at least 0
 */
public record AmsGrad(double learningRate, double beta1, double beta2, double epsilon, double weightDecay)
        implements UpdateRule<AmsGrad.State> {

    /**
     * AMSGrad's state for one tensor.
     *
     * @param step the number of steps taken, t
     * @param m    the first moment
     * @param v    the second moment
     * @param vMax the largest second moment so far
     */
    public record State(long step, Tensor m, Tensor v, Tensor vMax) {

        /** Checks that every moment is there: a plain {@link Adam.State} has no {@code vMax} to carry over. */
        public State {
            Objects.requireNonNull(m, "AmsGrad.State: m is null");
            Objects.requireNonNull(v, "AmsGrad.State: v is null");
            Objects.requireNonNull(vMax, "AmsGrad.State: vMax is null; AMSGrad needs the largest second moment so far,"
                    + " which a plain Adam state does not have (start from AmsGrad.init, or pass v as vMax)");
        }
    }

    private static final String NAME = "AmsGrad";

    /** Validates every hyperparameter. */
    public AmsGrad {
        Hyperparameters.learningRate(NAME, learningRate);
        Adam.validateMoments(NAME, beta1, beta2, epsilon);
        Hyperparameters.nonNegative(NAME, "weightDecay", weightDecay);
    }

    /** AMSGrad with learning rate η and PyTorch's other defaults. */
    public AmsGrad(double learningRate) {
        this(learningRate, 0.9, 0.999, 1e-8, 0);
    }

    @Override
    public State init(Tensor param) {
        Objects.requireNonNull(param, "param");
        Tensor zeros = Tensor.zeros(param.shape());
        return new State(0, zeros, zeros, zeros);
    }

    @Override
    public Update<State> apply(Tensor param, Tensor grad, State state, double lr) {
        Tensor g = Moments.withWeightDecay(grad, param, weightDecay);
        long t = state.step() + 1;
        Tensor m = Moments.average(state.m(), beta1, g);
        Tensor v = Moments.averageOfSquares(state.v(), beta2, g);
        Tensor vMax = state.vMax().maximum(v);
        Tensor updated = Fused.rootRatioStep(param, m, vMax, Math.sqrt(1 - Math.pow(beta2, t)), epsilon,
                lr / (1 - Math.pow(beta1, t)));
        return new Update<>(updated, new State(t, m, v, vMax));
    }

    @Override
    public Map<String, Tensor> save(State state) {
        Map<String, Tensor> saved = Adam.save(state.step(), state.m(), state.v());
        saved.put("max_exp_avg_sq", state.vMax());
        return saved;
    }

    @Override
    public State restore(Map<String, Tensor> saved, Tensor param) {
        Objects.requireNonNull(saved, "saved");
        Objects.requireNonNull(param, "param");
        Adam.State adam = Adam.restore(NAME, saved, param);
        return new State(adam.step(), adam.m(), adam.v(), Slots.get(NAME, saved, "max_exp_avg_sq", param.shape()));
    }
}
