package org.adjoint.optim.schedule;

import java.util.Objects;
import java.util.Set;
import org.adjoint.optim.Hyperparameters;

/**
 * Reduces the factor when a monitored metric stops improving, deciding exactly as PyTorch's
 * ReduceLROnPlateau does, observation by observation. Starting from {@code best = +∞} (−∞ when
 * maximizing), {@code bad = 0}, {@code cool = 0}, {@code f = 1}, each observed value {@code v}:
 * <pre>
 *   better(v) = v &lt; best·(1 − threshold)   (min, relative)      v &lt; best − threshold   (min, absolute)
 *               v &gt; best·(1 + threshold)   (max, relative)      v &gt; best + threshold   (max, absolute)
 *   if better(v): best ← v, bad ← 0   else: bad ← bad + 1
 *   if cool &gt; 0: cool ← cool − 1, bad ← 0
 *   if bad &gt; patience: f' = max(f·factor, minFactor); if f − f' &gt; 10⁻⁸: f ← f';  cool ← cooldown, bad ← 0
 * </pre>
 * The factor after the observations so far is {@code f}: PyTorch's learning rate over the base rate.
 * (PyTorch compares its 10⁻⁸ with the learning rates themselves; here with the factors, which is the
 * same for a base rate of 1.)
 *
 * <p>Unlike PyTorch's, this schedule keeps no state of its own: it replays the observations the
 * optimizer state carries ({@link Schedule#factor(long, Observations)}), so it composes with any other
 * schedule and a resumed run takes the same decisions. Without observations its factor is 1. Build it
 * with {@link Schedule#reduceOnPlateau} and the {@code with…} methods; it prints as that call.
 *
 * @param metric        the name of the monitored metric
 * @param mode          whether the metric should fall ({@code MIN}) or rise ({@code MAX})
 * @param factor        the multiplier of a reduction, in [0, 1)
 * @param patience      how many observations without improvement are tolerated, at least 0
 * @param threshold     how much better a value must be to count as an improvement, finite and at least 0
 * @param thresholdMode whether the threshold is relative to the best value or absolute
 * @param cooldown      how many observations after a reduction are not counted as bad, at least 0
 * @param minFactor     the lowest factor a reduction may reach, finite and at least 0
 */
public record ReduceOnPlateau(String metric, Mode mode, double factor, int patience, double threshold,
                              ThresholdMode thresholdMode, int cooldown, double minFactor) implements Schedule {

    /** PyTorch's {@code eps}: a reduction smaller than this is skipped. */
    private static final double EPS = 1e-8;

    /** Whether the monitored metric should fall or rise. */
    public enum Mode {
        /** Lower is better (a loss; PyTorch's {@code 'min'}, the default). */
        MIN,
        /** Higher is better (an accuracy; {@code 'max'}). */
        MAX
    }

    /** How the threshold is measured. */
    public enum ThresholdMode {
        /** Relative to the best value ({@code 'rel'}, the default). */
        REL,
        /** In the metric's units ({@code 'abs'}). */
        ABS
    }

    /** Refuses what PyTorch refuses (a factor of 1 or more) and negative or non-finite values. */
    public ReduceOnPlateau {
        Objects.requireNonNull(metric, "metric");
        if (metric.isEmpty()) {
            throw new IllegalArgumentException("reduceOnPlateau: the metric name is empty");
        }
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(thresholdMode, "thresholdMode");
        Hyperparameters.unitInterval("reduceOnPlateau", "factor", factor);
        Schedules.requireAtLeast("reduceOnPlateau", "patience", patience, 0);
        Hyperparameters.nonNegative("reduceOnPlateau", "threshold", threshold);
        Schedules.requireAtLeast("reduceOnPlateau", "cooldown", cooldown, 0);
        Hyperparameters.nonNegative("reduceOnPlateau", "minFactor", minFactor);
    }

    /** The same schedule for a metric that should rise, such as an accuracy. */
    public ReduceOnPlateau maximizing() {
        return new ReduceOnPlateau(metric, Mode.MAX, factor, patience, threshold, thresholdMode, cooldown, minFactor);
    }

    /** The same schedule multiplying the factor by {@code f} at each reduction. */
    public ReduceOnPlateau withFactor(double f) {
        return new ReduceOnPlateau(metric, mode, f, patience, threshold, thresholdMode, cooldown, minFactor);
    }

    /** The same schedule tolerating {@code n} observations without improvement. */
    public ReduceOnPlateau withPatience(int n) {
        return new ReduceOnPlateau(metric, mode, factor, n, threshold, thresholdMode, cooldown, minFactor);
    }

    /** The same schedule counting an improvement only beyond {@code t}, relative or absolute. */
    public ReduceOnPlateau withThreshold(double t, ThresholdMode m) {
        return new ReduceOnPlateau(metric, mode, factor, patience, t, m, cooldown, minFactor);
    }

    /** The same schedule ignoring the {@code n} observations after each reduction. */
    public ReduceOnPlateau withCooldown(int n) {
        return new ReduceOnPlateau(metric, mode, factor, patience, threshold, thresholdMode, n, minFactor);
    }

    /** The same schedule never reducing below {@code f}. */
    public ReduceOnPlateau withMinFactor(double f) {
        return new ReduceOnPlateau(metric, mode, factor, patience, threshold, thresholdMode, cooldown, f);
    }

    /** 1: without observations nothing has been reduced. */
    @Override
    public double factor(long step) {
        return 1;
    }

    /** The factor after replaying every observed value of the metric; {@code step} does not matter. */
    @Override
    public double factor(long step, Observations observed) {
        double best = mode == Mode.MIN ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        int bad = 0;
        int cool = 0;
        double f = 1;
        for (double v : observed.values(metric)) {
            if (isBetter(v, best)) {
                best = v;
                bad = 0;
            } else {
                bad++;
            }
            if (cool > 0) {
                cool--;
                bad = 0;
            }
            if (bad > patience) {
                double reduced = Math.max(f * factor, minFactor);
                f = f - reduced > EPS ? reduced : f;
                cool = cooldown;
                bad = 0;
            }
        }
        return f;
    }

    private boolean isBetter(double v, double best) {
        if (mode == Mode.MIN) {
            return thresholdMode == ThresholdMode.REL ? v < best * (1 - threshold) : v < best - threshold;
        }
        return thresholdMode == ThresholdMode.REL ? v > best * (threshold + 1) : v > best + threshold;
    }

    @Override
    public Set<String> monitors() {
        return Set.of(metric);
    }

    @Override
    public String toString() {
        return "reduceOnPlateau(\"" + metric + "\")" + (mode == Mode.MIN ? "" : ".maximizing()")
                + (factor == 0.1 ? "" : ".withFactor(" + factor + ")") + (patience == 10 ? "" : ".withPatience(" + patience + ")")
                + (threshold == 1e-4 && thresholdMode == ThresholdMode.REL ? ""
                        : ".withThreshold(" + threshold + ", " + thresholdMode + ")")
                + (cooldown == 0 ? "" : ".withCooldown(" + cooldown + ")")
                + (minFactor == 0 ? "" : ".withMinFactor(" + minFactor + ")");
    }
}
