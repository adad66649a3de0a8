package org.adjoint.optim;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An optimizer's state between steps: how many steps were taken, the learning-rate factor the
 * schedule gave the last one, and each parameter's rule with its state (moments, accumulators,
 * counters), by parameter name. Immutable: a step returns a new state, so an old one can be kept,
 * compared or checkpointed while training goes on.
 */
public final class OptimizerState {

    private final long step;
    private final double learningRateFactor;
    private final Map<String, RuleState<?>> ruleStates;

    /**
     * A state, as {@link Optimizer#init} and {@link Optimizer#step} make it or a checkpoint restores it.
     *
     * @param step               the number of steps taken, at least 0
     * @param learningRateFactor the schedule's factor for the last step (1 before the first)
     * @param ruleStates         each parameter's rule and state, in the parameters' order
     */
    public OptimizerState(long step, double learningRateFactor, Map<String, RuleState<?>> ruleStates) {
        if (step < 0) {
            throw new IllegalArgumentException("optimizer state: step = " + step + " must be at least 0");
        }
        this.step = step;
        this.learningRateFactor = learningRateFactor;
        this.ruleStates = Collections.unmodifiableMap(new LinkedHashMap<>(ruleStates));
    }

    /** The number of steps taken. */
    public long step() {
        return step;
    }

    /** The schedule's factor for the last step taken (1 before the first); each group's rate is its base rate times this. */
    public double learningRateFactor() {
        return learningRateFactor;
    }

    /** The names of the parameters this state is for, in order. */
    public List<String> names() {
        return List.copyOf(ruleStates.keySet());
    }

    /**
     * The rule and rule state of one parameter, such as {@code Adam} with an {@code Adam.State}.
     *
     * @throws IllegalArgumentException if there is no parameter by that name
     */
    public RuleState<?> ruleState(String name) {
        Objects.requireNonNull(name, "name");
        RuleState<?> s = ruleStates.get(name);
        if (s == null) {
            throw new IllegalArgumentException("optimizer state: no parameter named " + name + "; it has " + names());
        }
        return s;
    }

    @Override
    public String toString() {
        return "OptimizerState[step " + step + ", learning-rate factor " + learningRateFactor + ", " + ruleStates.size()
                + " parameters]";
    }
}
