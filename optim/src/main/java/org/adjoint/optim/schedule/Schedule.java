package org.adjoint.optim.schedule;

import java.util.Objects;
import java.util.Set;
import org.adjoint.optim.Hyperparameters;

/**
 * A learning-rate schedule: the factor by which each group's base learning rate is multiplied at a
 * given step, counted from 0 (the first update). Build schedules from the factories and combine them:
 *
 * <pre>{@code
 * Schedule warmupThenCosine = Schedule.linear(0.01, 1, 100).then(100, Schedule.cosine(900, 0));
 * Schedule tenfoldEachEpoch = Schedule.stepDecay(0.1, 1).inEpochs(stepsPerEpoch);   // the lessons' decay
 * }</pre>
 *
 * <p>The factories and combinators return values: equal when built from equal arguments, and printed
 * as the calls that built them ({@code linear(0.01, 1.0, 100).then(100, cosine(900, 0.0))}). A
 * lambda is a schedule too, for a rule of one's own.
 */
@FunctionalInterface
public interface Schedule {

    /**
     * The factor for the update that follows {@code step} earlier ones: finite and at least 0, or the
     * optimizer refuses the step that would use it.
     */
    double factor(long step);

    /**
     * The factor for the update that follows {@code step} earlier ones, given the metrics {@code observed}
     * so far ({@link org.adjoint.optim.Optimizer#observe}); this is what the optimizer asks. A schedule
     * that reacts to a metric ({@link #reduceOnPlateau}) computes its factor from the observations alone,
     * so it keeps no hidden state; the others ignore them: by default {@code factor(step)}.
     */
    default double factor(long step, Observations observed) {
        Objects.requireNonNull(observed, "observed");
        return factor(step);
    }

    /**
     * The names of the metrics this schedule reads from the observations: the optimizer refuses an
     * observation without one of them. None by default; a combination monitors what its parts monitor.
     */
    default Set<String> monitors() {
        return Set.of();
    }

    /** Always 1. */
    static Schedule constant() {
        return new Schedules.Constant();
    }

    /** {@code γ^⌊t / every⌋}: multiply by γ every {@code every} steps (PyTorch's StepLR). */
    static Schedule stepDecay(double gamma, long every) {
        Hyperparameters.positive("stepDecay", "gamma", gamma);
        requirePositive("stepDecay", "every", every);
        return new Schedules.StepDecay(gamma, every);
    }

    /** {@code γ^t} (PyTorch's ExponentialLR). */
    static Schedule exponential(double gamma) {
        Hyperparameters.positive("exponential", "gamma", gamma);
        return new Schedules.Exponential(gamma);
    }

    /** {@code 1 / (1 + rate · t / steps)} (inverse-time decay, as in Keras and optax). */
    static Schedule inverseTime(double rate, long steps) {
        Hyperparameters.nonNegative("inverseTime", "rate", rate);
        requirePositive("inverseTime", "steps", steps);
        return new Schedules.InverseTime(rate, steps);
    }

    /**
     * Cosine annealing from 1 to {@code minFactor} over {@code period} steps,
     * {@code min + (1 − min)·(1 + cos(π·t / period)) / 2} (PyTorch's CosineAnnealingLR with
     * {@code eta_min = minFactor · base}). As in PyTorch it is periodic: past the period the rate rises
     * again. To hold it at the minimum, follow it with a constant:
     * {@code cosine(T, 0.01).then(T, step -> 0.01)}.
     */
    static Schedule cosine(long period, double minFactor) {
        requirePositive("cosine", "period", period);
        Hyperparameters.nonNegative("cosine", "minFactor", minFactor);
        return new Schedules.Cosine(period, minFactor);
    }

    /**
     * A linear ramp from {@code start} to {@code end} over {@code steps} steps, then constant at
     * {@code end} (PyTorch's LinearLR); {@code linear(0.01, 1, 100)} is a linear warm-up.
     */
    static Schedule linear(double start, double end, long steps) {
        Hyperparameters.nonNegative("linear", "start", start);
        Hyperparameters.nonNegative("linear", "end", end);
        requirePositive("linear", "steps", steps);
        return new Schedules.Linear(start, end, steps);
    }

    /**
     * The one-cycle policy (Smith &amp; Topin, 2019; PyTorch's OneCycleLR) over {@code totalSteps} updates,
     * as a factor that peaks at 1, so the rule's learning rate is PyTorch's {@code max_lr}: from
     * {@code 1/divFactor} up to 1 over the first {@code pctStart·totalSteps − 1} steps, then down to
     * {@code 1/(divFactor·finalDivFactor)} at step {@code totalSteps − 1}, along half a cosine (or a
     * line). Defaults as PyTorch's ({@code pctStart} 0.3, {@code divFactor} 25, {@code finalDivFactor}
     * 10⁴, cosine, two phases); change them with the returned value's {@code with…} methods. Where PyTorch
     * raises (past the last step) the factor stays at its last value. PyTorch also cycles the momentum
     * between 0.85 and 0.95; here momentum is a hyperparameter of the rule and is <em>not</em> cycled.
     */
    static OneCycle oneCycle(long totalSteps) {
        return new OneCycle(totalSteps, 0.3, 25, 1e4, OneCycle.Anneal.COS, false);
    }

    /**
     * Cosine annealing with warm restarts (SGDR, Loshchilov &amp; Hutter, 2017; PyTorch's
     * CosineAnnealingWarmRestarts with {@code T_0 = firstPeriod}, {@code T_mult = periodMultiplier} and
     * {@code eta_min = minFactor · base}): {@code min + (1 − min)·(1 + cos(π·t_cur / T_i)) / 2}, where the
     * i-th period lasts {@code T_i = firstPeriod · periodMultiplierⁱ} steps and {@code t_cur} counts the
     * steps since the last restart.
     */
    static Schedule cosineWarmRestarts(long firstPeriod, long periodMultiplier, double minFactor) {
        requirePositive("cosineWarmRestarts", "firstPeriod", firstPeriod);
        requirePositive("cosineWarmRestarts", "periodMultiplier", periodMultiplier);
        Hyperparameters.nonNegative("cosineWarmRestarts", "minFactor", minFactor);
        return new Schedules.WarmRestarts(firstPeriod, periodMultiplier, minFactor);
    }

    /**
     * Polynomial decay to 0 over {@code steps} steps, {@code (1 − min(t, steps)/steps)^power} (PyTorch's
     * PolynomialLR with {@code total_iters = steps}); 0 from then on.
     */
    static Schedule polynomial(long steps, double power) {
        return polynomial(steps, power, 0);
    }

    /**
     * Polynomial decay from 1 to {@code endFactor} over {@code steps} steps,
     * {@code (1 − end)·(1 − min(t, steps)/steps)^power + end} (optax's polynomial_schedule with
     * {@code init_value} 1); {@code endFactor} from then on.
     */
    static Schedule polynomial(long steps, double power, double endFactor) {
        requirePositive("polynomial", "steps", steps);
        Hyperparameters.positive("polynomial", "power", power);
        Hyperparameters.nonNegative("polynomial", "endFactor", endFactor);
        return new Schedules.Polynomial(steps, power, endFactor);
    }

    /**
     * Reduces the factor when {@code metric} stops improving (PyTorch's ReduceLROnPlateau, with its
     * defaults: minimized, factor 0.1, patience 10, relative threshold 10⁻⁴, no cooldown, minimum 0;
     * change them with the returned value's {@code with…} methods). The metric is observed with
     * {@link org.adjoint.optim.Optimizer#observe}, which the training loop calls after every epoch. The
     * factor is recomputed from the observations, so the schedule composes like any other
     * ({@code linear(0.01, 1, 500).then(500, reduceOnPlateau("loss"))}, {@code times}, {@code inEpochs}).
     */
    static ReduceOnPlateau reduceOnPlateau(String metric) {
        return new ReduceOnPlateau(metric, ReduceOnPlateau.Mode.MIN, 0.1, 10, 1e-4, ReduceOnPlateau.ThresholdMode.REL, 0, 0);
    }

    /** The product of this schedule's and {@code other}'s factors. */
    default Schedule times(Schedule other) {
        return new Schedules.Product(this, Objects.requireNonNull(other, "other"));
    }

    /**
     * This schedule before step {@code boundary}, then {@code next} counted from the boundary; {@code next}
     * sees only the observations made at or after the boundary, their steps counted from it too.
     */
    default Schedule then(long boundary, Schedule next) {
        if (boundary < 0) {
            throw new IllegalArgumentException("then: boundary = " + boundary + " must be at least 0");
        }
        return new Schedules.Sequence(this, boundary, Objects.requireNonNull(next, "next"));
    }

    /**
     * This schedule counted in epochs of {@code stepsPerEpoch} updates, so its factor changes once per
     * epoch; it sees the observations' steps in epochs too.
     */
    default Schedule inEpochs(long stepsPerEpoch) {
        requirePositive("inEpochs", "stepsPerEpoch", stepsPerEpoch);
        return new Schedules.InEpochs(this, stepsPerEpoch);
    }

    private static void requirePositive(String schedule, String name, long value) {
        Schedules.requireAtLeast(schedule, name, value, 1);
    }
}
