package org.adjoint.optim.rules;

import java.util.Map;
import java.util.Objects;
import org.adjoint.core.Tensor;
import org.adjoint.optim.Hyperparameters;
import org.adjoint.optim.Slots;
import org.adjoint.optim.Update;
import org.adjoint.optim.UpdateRule;

/**
 * Schedule-Free SGD (Defazio, Yang, Mehta, Mishchenko, Khaled and Cutkosky, "The Road Less Scheduled",
 * NeurIPS 2024), as {@code SGDScheduleFree} of {@code facebookresearch/schedule_free}. The gradient is
 * taken at y, an interpolation between the SGD sequence z and its weighted average x; x is the model to
 * evaluate and keep. With k the steps taken before this one:
 * <pre>
 *   γ = η·min(1, (k + 1)/W)                       (linear warm-up over W steps)
 *   γmax ← max(γmax, γ),  wₖ = (k + 1)^r·γmax^p,  Σw ← Σw + wₖ,  c = wₖ/Σw   (c = 0 while Σw = 0)
 *   z ← z − γ·(g + λ·y)                           (g = ∇f(y); weight decay at y)
 *   x ← (1 − c)·x + c·z
 *   y ← β·x + (1 − β)·z                           (the new parameter, where the next gradient is taken)
 * </pre>
 * x and z start at the initial parameter. With r = 0 and p = 0, x is the uniform average of the z's; p = 2
 * (the default) weights the warm-up's small steps less. β = 0 is plain SGD on z (y = z); β = 1 takes the
 * gradient at the average (Polyak–Ruppert primal averaging).
 *
 * <p>There is no train or eval mode: {@link #apply} takes and returns y, and {@link #evaluationParam}
 * returns x, which {@link org.adjoint.optim.Optimizer#evaluationParameters} and the training loop evaluate
 * and keep. The checkpoint holds y as the parameter and {@code z}, {@code x}, {@code k}, {@code lr_max} and
 * {@code weight_sum} as state (the reference's names), so a run resumes bit for bit without switching
 * modes. A {@link org.adjoint.optim.schedule.Schedule} multiplies η before the warm-up; the method is
 * meant to be run without one. Defaults as in the reference: η = 1, β = 0.9, λ = 0, W = 0, r = 0, p = 2.
 *
 * @param learningRate  η, at least 0
 * @param momentum      β, the interpolation between x and z, in [0, 1]
 * @param weightDecay   λ, at least 0
 * @param warmupSteps   W, at least 0
 * @param r             the power of the step count in the weights, at least 0
 * @param weightLrPower p, the power of γmax in the weights, at least 0
 */
public record ScheduleFreeSgd(double learningRate, double momentum, double weightDecay, int warmupSteps, double r,
                              double weightLrPower) implements UpdateRule<ScheduleFreeSgd.State> {

    /**
     * Schedule-Free SGD's state for one tensor.
     *
     * @param step      k, the number of steps taken
     * @param lrMax     γmax, the largest rate so far (−1 before the first step)
     * @param weightSum Σw, the sum of the weights so far
     * @param z         the SGD sequence
     * @param x         the weighted average of the z's: the parameter to evaluate
     */
    public record State(long step, double lrMax, double weightSum, Tensor z, Tensor x) {

        /** Refuses a missing z or x. */
        public State {
            Objects.requireNonNull(z, "ScheduleFreeSgd.State: z is null");
            Objects.requireNonNull(x, "ScheduleFreeSgd.State: x is null");
        }
    }

    private static final String NAME = "ScheduleFreeSgd";

    /** Validates every hyperparameter. */
    public ScheduleFreeSgd {
        Hyperparameters.learningRate(NAME, learningRate);
        Hyperparameters.closedUnitInterval(NAME, "momentum", momentum);
        Hyperparameters.nonNegative(NAME, "weightDecay", weightDecay);
        ScheduleFree.validate(NAME, warmupSteps, r, weightLrPower);
    }

    /** Schedule-Free SGD with learning rate η and the reference's other defaults. */
    public ScheduleFreeSgd(double learningRate) {
        this(learningRate, 0.9, 0, 0, 0, 2);
    }

    @Override
    public State init(Tensor param) {
        Objects.requireNonNull(param, "param");
        return new State(0, ScheduleFree.START.lrMax(), 0, param, param);
    }

    @Override
    public Update<State> apply(Tensor param, Tensor grad, State state, double lr) {
        Objects.requireNonNull(param, "param"); // y is read only with weight decay
        double gamma = lr * ScheduleFree.warmup(state.step(), warmupSteps);
        ScheduleFree.Next next = new ScheduleFree(state.step(), state.lrMax(), state.weightSum())
                .next(gamma, r, weightLrPower);
        Tensor z = state.z().sub(Moments.withWeightDecay(grad, param, weightDecay).mul(gamma));
        Tensor x = state.x().mul(1 - next.ckp1()).add(z.mul(next.ckp1()));
        Tensor y = x.mul(momentum).add(z.mul(1 - momentum));
        ScheduleFree c = next.counters();
        return new Update<>(y, new State(c.steps(), c.lrMax(), c.weightSum(), z, x));
    }

    /** x, the weighted average: the parameter to evaluate and keep. */
    @Override
    public Tensor evaluationParam(Tensor param, State state) {
        Objects.requireNonNull(param, "param");
        return state.x();
    }

    @Override
    public Map<String, Tensor> save(State state) {
        return new ScheduleFree(state.step(), state.lrMax(), state.weightSum()).save(state.z(), state.x());
    }

    @Override
    public State restore(Map<String, Tensor> saved, Tensor param) {
        Objects.requireNonNull(saved, "saved");
        Objects.requireNonNull(param, "param");
        ScheduleFree c = ScheduleFree.restore(NAME, saved);
        return new State(c.steps(), c.lrMax(), c.weightSum(), Slots.get(NAME, saved, "z", param.shape()),
                Slots.get(NAME, saved, "x", param.shape()));
    }
}
