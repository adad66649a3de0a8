package org.adjoint.optim.rules;

import org.adjoint.core.Fused;
import org.adjoint.core.Tensor;
import org.adjoint.optim.Hyperparameters;
import org.adjoint.optim.Update;

/**
 * Adam without bias correction, the first form in the EECS 498 notes ("Adam, almost"):
 * <pre>
 *   g ← g + λ·θ                           (coupled L2 weight decay, if λ ≠ 0)
 *   m ← β₁·m + (1 − β₁)·g
 *   v ← β₂·v + (1 − β₂)·g²
 *   θ ← θ − η·m / (√v + ε)
 * </pre>
 * Its first steps are small, since m and v start at 0; {@link Adam} corrects that. With β₁ = 0 it is
 * exactly {@link RmsProp}, bit for bit. Defaults as {@link Adam}'s: β₁ = 0.9, β₂ = 0.999, ε = 1e-8,
 * λ = 0.
 *
 * @param learningRate η, at least 0
 * @param beta1        β₁, in [0, 1)
 * @param beta2        β₂, in [0, 1)
 * @param epsilon      ε, above 0
 * @param weightDecay  λ, at least 0
 */
public record UncorrectedAdam(double learningRate, double beta1, double beta2, double epsilon, double weightDecay)
        implements AdamMoments {

    private static final String NAME = "UncorrectedAdam";

    /** Validates every hyperparameter. */
    public UncorrectedAdam {
        Hyperparameters.learningRate(NAME, learningRate);
        Adam.validateMoments(NAME, beta1, beta2, epsilon);
        Hyperparameters.nonNegative(NAME, "weightDecay", weightDecay);
    }

    /** Uncorrected Adam with learning rate η and Adam's other defaults. */
    public UncorrectedAdam(double learningRate) {
        this(learningRate, 0.9, 0.999, 1e-8, 0);
    }

    @Override
    public Update<Adam.State> apply(Tensor param, Tensor grad, Adam.State state, double lr) {
        Tensor g = Moments.withWeightDecay(grad, param, weightDecay);
        Tensor m = Moments.average(state.m(), beta1, g);
        Tensor v = Moments.averageOfSquares(state.v(), beta2, g);
        return new Update<>(Fused.rootRatioStep(param, m, v, 1, epsilon, lr), new Adam.State(state.step() + 1, m, v));
    }
}
