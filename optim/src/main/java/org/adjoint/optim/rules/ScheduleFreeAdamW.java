package org.adjoint.optim.rules;

import java.util.Map;
import java.util.Objects;
import org.adjoint.core.Tensor;
import org.adjoint.optim.Hyperparameters;
import org.adjoint.optim.Slots;
import org.adjoint.optim.Update;
import org.adjoint.optim.UpdateRule;

/**
 * Schedule-Free AdamW (Defazio, Yang, Mehta, Mishchenko, Khaled and Cutkosky, "The Road Less Scheduled",
 * NeurIPS 2024), as {@code AdamWScheduleFree} of {@code facebookresearch/schedule_free}: {@link ScheduleFreeSgd}
 * with the gradient divided by Adam's root second moment, whose bias correction is folded into the rate.
 * With k the steps taken before this one:
 * <pre>
 *   γ = η·min(1, (k + 1)/W)·√(1 − β₂^(k+1))          (warm-up over W steps; bias correction)
 *   γmax ← max(γmax, γ),  wₖ = (k + 1)^r·γmax^p,  Σw ← Σw + wₖ,  c = wₖ/Σw   (c = 0 while Σw = 0)
 *   v ← β₂·v + (1 − β₂)·g²                          (g = ∇f(y))
 *   z ← z − γ·(g / (√v + ε) + λ·y)                  (decoupled weight decay, at y)
 *   x ← (1 − c)·x + c·z
 *   y ← β₁·x + (1 − β₁)·z                           (the new parameter, where the next gradient is taken)
 * </pre>
 * x and z start at the initial parameter, v at 0. There is no first moment: β₁ interpolates between the
 * average x and the fast sequence z. Because γmax and the weights see the bias-corrected γ, the first
 * steps weigh less in x (with p = 2, the default) even without warm-up.
 *
 * <p>There is no train or eval mode: {@link #apply} takes and returns y, and {@link #evaluationParam}
 * returns x, which {@link org.adjoint.optim.Optimizer#evaluationParameters} and the training loop evaluate
 * and keep. The checkpoint holds y as the parameter and {@code z}, {@code x}, {@code exp_avg_sq},
 * {@code k}, {@code lr_max} and {@code weight_sum} as state (the reference's names), so a run resumes bit for
 * bit without switching modes. A {@link org.adjoint.optim.schedule.Schedule} multiplies η before the
 * warm-up; the method is meant to be run without one. Defaults as in the reference: η = 0.0025, β₁ = 0.9,
 * β₂ = 0.999, ε = 1e-8, λ = 0, W = 0, r = 0, p = 2.
 *
 * @param learningRate  η, at least 0
 * @param beta1         β₁, the interpolation between x and z, in [0, 1)
 * @param beta2         β₂, in [0, 1)
 * @param epsilon       ε, above 0
 * @param weightDecay   λ, at least 0
 * @param warmupSteps   W, at least 0
 * @param r             the power of the step count in the weights, at least 0
 * @param weightLrPower p, the power of γmax in the weights, at least 0
 */
public record ScheduleFreeAdamW(double learningRate, double beta1, double beta2, double epsilon, double weightDecay,
                                int warmupSteps, double r, double weightLrPower)
        implements UpdateRule<ScheduleFreeAdamW.State> {

    /**
     * Schedule-Free AdamW's state for one tensor.
     *
     * @param step      k, the number of steps taken
     * @param lrMax     γmax, the largest rate so far (−1 before the first step)
     * @param weightSum Σw, the sum of the weights so far
     * @param z         the fast sequence
     * @param x         the weighted average of the z's: the parameter to evaluate
     * @param v         the second moment
     */
    public record State(long step, double lrMax, double weightSum, Tensor z, Tensor x, Tensor v) {

        /** Refuses a missing z, x or v. */
        public State {
            Objects.requireNonNull(z, "ScheduleFreeAdamW.State: z is null");
            Objects.requireNonNull(x, "ScheduleFreeAdamW.State: x is null");
            Objects.requireNonNull(v, "ScheduleFreeAdamW.State: v is null");
        }
    }

    private static final String NAME = "ScheduleFreeAdamW";

    /** Validates every hyperparameter. */
    public ScheduleFreeAdamW {
        Hyperparameters.learningRate(NAME, learningRate);
        Adam.validateMoments(NAME, beta1, beta2, epsilon);
        Hyperparameters.nonNegative(NAME, "weightDecay", weightDecay);
        ScheduleFree.validate(NAME, warmupSteps, r, weightLrPower);
    }

    /** Schedule-Free AdamW with learning rate η and the reference's other defaults. */
    public ScheduleFreeAdamW(double learningRate) {
        this(learningRate, 0.9, 0.999, 1e-8, 0, 0, 0, 2);
    }

    @Override
    public State init(Tensor param) {
        Objects.requireNonNull(param, "param");
        return new State(0, ScheduleFree.START.lrMax(), 0, param, param, Tensor.zeros(param.shape()));
    }

    @Override
    public Update<State> apply(Tensor param, Tensor grad, State state, double lr) {
        Objects.requireNonNull(param, "param"); // y is read only with weight decay
        long k = state.step();
        double gamma = lr * ScheduleFree.warmup(k, warmupSteps) * Math.sqrt(1 - Math.pow(beta2, k + 1));
        ScheduleFree.Next next = new ScheduleFree(k, state.lrMax(), state.weightSum()).next(gamma, r, weightLrPower);
        Tensor v = Moments.averageOfSquares(state.v(), beta2, grad);
        Tensor normalized = Moments.withWeightDecay(grad.div(v.sqrt().add(epsilon)), param, weightDecay);
        Tensor z = state.z().sub(normalized.mul(gamma));
        Tensor x = state.x().mul(1 - next.ckp1()).add(z.mul(next.ckp1()));
        Tensor y = x.mul(beta1).add(z.mul(1 - beta1));
        ScheduleFree c = next.counters();
        return new Update<>(y, new State(c.steps(), c.lrMax(), c.weightSum(), z, x, v));
    }

    /** x, the weighted average: the parameter to evaluate and keep. */
    @Override
    public Tensor evaluationParam(Tensor param, State state) {
        Objects.requireNonNull(param, "param");
        return state.x();
    }

    @Override
    public Map<String, Tensor> save(State state) {
        Map<String, Tensor> saved = new ScheduleFree(state.step(), state.lrMax(), state.weightSum()).save(state.z(), state.x());
        saved.put("exp_avg_sq", state.v());
        return saved;
    }

    @Override
    public State restore(Map<String, Tensor> saved, Tensor param) {
        Objects.requireNonNull(saved, "saved");
        Objects.requireNonNull(param, "param");
        ScheduleFree c = ScheduleFree.restore(NAME, saved);
        return new State(c.steps(), c.lrMax(), c.weightSum(), Slots.get(NAME, saved, "z", param.shape()),
                Slots.get(NAME, saved, "x", param.shape()), Slots.get(NAME, saved, "exp_avg_sq", param.shape()));
    }
}
