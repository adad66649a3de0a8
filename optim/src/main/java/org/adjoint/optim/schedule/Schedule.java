package org.adjoint.optim.schedule;

import java.util.Objects;
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

    /** The product of this schedule's and {@code other}'s factors. */
    default Schedule times(Schedule other) {
        return new Schedules.Product(this, Objects.requireNonNull(other, "other"));
    }

    /** This schedule before step {@code boundary}, then {@code next} counted from the boundary. */
    default Schedule then(long boundary, Schedule next) {
        if (boundary < 0) {
            throw new IllegalArgumentException("then: boundary = " + boundary + " must be at least 0");
        }
        return new Schedules.Sequence(this, boundary, Objects.requireNonNull(next, "next"));
    }

    /** This schedule counted in epochs of {@code stepsPerEpoch} updates, so its factor changes once per epoch. */
    default Schedule inEpochs(long stepsPerEpoch) {
        requirePositive("inEpochs", "stepsPerEpoch", stepsPerEpoch);
        return new Schedules.InEpochs(this, stepsPerEpoch);
    }

    private static void requirePositive(String schedule, String name, long value) {
        if (value < 1) {
            throw new IllegalArgumentException(schedule + ": " + name + " = " + value + " must be at least 1");
        }
    }
}
