package org.adjoint.optim.rules;

import java.util.LinkedHashMap;
import java.util.Map;
import org.adjoint.core.Shape;
import org.adjoint.core.Tensor;
import org.adjoint.optim.Hyperparameters;
import org.adjoint.optim.Slots;

/**
 * What {@link ScheduleFreeAdamW} and {@link ScheduleFreeSgd} share (Defazio et al., "The Road Less Scheduled",
 * NeurIPS 2024): the linear warm-up, the weight of each step in the average x, and the checkpoint slots of
 * the counters. With k the number of steps taken before this one and W the warm-up length:
 * <pre>
 *   γ = η·min(1, (k + 1)/W)·s                    (s = 1 for SGD, √(1 − β₂^(k+1)) for AdamW)
 *   γmax ← max(γmax, γ)                          (γmax starts at −1)
 *   wₖ = (k + 1)^r · γmax^p,   Σw ← Σw + wₖ
 *   c = wₖ / Σw                                  (0 while Σw = 0)
 * </pre>
 *
 * @param steps     k, the steps taken
 * @param lrMax     γmax, the largest rate so far (−1 before the first step)
 * @param weightSum Σw, the sum of the weights so far
 */
record ScheduleFree(long steps, double lrMax, double weightSum) {

    /** The counters before the first step. */
    static final ScheduleFree START = new ScheduleFree(0, -1, 0);

    /** The counters after a step at rate {@code lr} (warmed up and scaled), and that step's weight c. */
    record Next(ScheduleFree counters, double ckp1) {
    }

    /** The warm-up factor min(1, (k + 1)/W) of the step after {@code steps} steps. */
    static double warmup(long steps, int warmupSteps) {
        return steps < warmupSteps ? (steps + 1) / (double) warmupSteps : 1;
    }

    /** The counters after a step at rate {@code lr}, with the weight power r and the rate power p. */
    Next next(double lr, double r, double weightLrPower) {
        double max = Math.max(lr, lrMax);
        double weight = Math.pow(steps + 1, r) * Math.pow(max, weightLrPower);
        double sum = weightSum + weight;
        return new Next(new ScheduleFree(steps + 1, max, sum), sum == 0 ? 0 : weight / sum);
    }

    /** The hyperparameter checks both rules share. */
    static void validate(String rule, int warmupSteps, double r, double weightLrPower) {
        if (warmupSteps < 0) {
            throw new IllegalArgumentException(rule + ": warmupSteps = " + warmupSteps + " must be at least 0");
        }
        Hyperparameters.nonNegative(rule, "r", r);
        Hyperparameters.nonNegative(rule, "weightLrPower", weightLrPower);
    }

    /** The counters and z, x under the reference implementation's names, in a fixed order. */
    Map<String, Tensor> save(Tensor z, Tensor x) {
        Map<String, Tensor> saved = new LinkedHashMap<>();
        saved.put("k", Tensor.scalar(steps));
        saved.put("lr_max", Tensor.scalar(lrMax));
        saved.put("weight_sum", Tensor.scalar(weightSum));
        saved.put("z", z);
        saved.put("x", x);
        return saved;
    }

    /** The counters {@link #save} wrote. */
    static ScheduleFree restore(String rule, Map<String, Tensor> saved) {
        return new ScheduleFree(Slots.counter(rule, saved, "k"), Slots.get(rule, saved, "lr_max", Shape.SCALAR).item(),
                Slots.get(rule, saved, "weight_sum", Shape.SCALAR).item());
    }
}
