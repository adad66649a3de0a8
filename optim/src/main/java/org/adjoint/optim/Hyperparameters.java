package org.adjoint.optim;

import java.util.Objects;
/**
 * Validation of hyperparameters, for the compact constructors of update rules and the factories of
 * schedules: each check returns the value or throws an {@link IllegalArgumentException} naming the
 * rule, the parameter and the bad value, as {@code torch.optim} does.
 */
public final class Hyperparameters {

    private Hyperparameters() {
    }

    /** A learning rate: finite and at least 0. */
    public static double learningRate(String rule, double lr) {
        return nonNegative(rule, "learningRate", lr);
    }

    /** A finite value at least 0 (weight decay, momentum, dampening, decay rates). */
    public static double nonNegative(String rule, String name, double value) {
        requireNames(rule, name);
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(rule + ": " + name + " = " + value + " must be finite and at least 0");
        }
        return value;
    }

    /** A finite value above 0 (epsilon, clipping thresholds). */
    public static double positive(String rule, String name, double value) {
        requireNames(rule, name);
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(rule + ": " + name + " = " + value + " must be finite and above 0");
        }
        return value;
    }

    /** A decay factor in {@code [0, 1)} (β₁, β₂, ρ, α). */
    public static double unitInterval(String rule, String name, double value) {
        requireNames(rule, name);
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException(rule + ": " + name + " = " + value + " is outside [0, 1)");
        }
        return value;
    }

    /** A decay factor in {@code [0, 1]} (ρ of AdaDelta, which PyTorch allows to be 1). */
    public static double closedUnitInterval(String rule, String name, double value) {
        requireNames(rule, name);
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(rule + ": " + name + " = " + value + " is outside [0, 1]");
        }
        return value;
    }

    private static void requireNames(String rule, String name) {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(name, "name");
    }
}
