package org.adjoint.optim;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.adjoint.optim.schedule.Observations;

/**
 * An optimizer's state between steps: how many steps were taken, the learning-rate factor the
 * schedule gave the last one, each parameter's rule with its state (moments, accumulators,
 * counters), by parameter name, and the metrics observed so far ({@link Optimizer#observe}) for a
 * schedule that monitors them. Immutable: a step returns a new state, so an old one can be kept,
 * compared or checkpointed while training goes on.
 */
public final class OptimizerState {

    private final long step;
    private final double learningRateFactor;
    private final Map<String, RuleState<?>> ruleStates;
    private final Observations observations;

    /**
     * A state without observations.
     *
     * @param step               the number of steps taken, at least 0
     * @param learningRateFactor the schedule's factor for the last step (1 before the first)
     * @param ruleStates         each parameter's rule and state, in the parameters' order
     */
    public OptimizerState(long step, double learningRateFactor, Map<String, RuleState<?>> ruleStates) {
        this(step, learningRateFactor, ruleStates, Observations.none());
    }

    /**
     * A state, as {@link Optimizer#init} and {@link Optimizer#step} make it or a checkpoint restores it.
     *
     * @param step               the number of steps taken, at least 0
     * @param learningRateFactor the schedule's factor for the last step (1 before the first)
     * @param ruleStates         each parameter's rule and state, in the parameters' order
     * @param observations       the metrics observed so far, none made after {@code step} steps
     */
    public OptimizerState(long step, double learningRateFactor, Map<String, RuleState<?>> ruleStates,
                          Observations observations) {
        if (step < 0) {
            throw new IllegalArgumentException("optimizer state: step = " + step + " must be at least 0");
        }
        Objects.requireNonNull(observations, "observations");
        List<Observations.Observation> list = observations.asList();
        if (!list.isEmpty() && list.get(list.size() - 1).step() > step) {
            throw new IllegalArgumentException("optimizer state: an observation was made at step "
                    + list.get(list.size() - 1).step() + ", after the " + step + " steps taken");
        }
        this.step = step;
        this.learningRateFactor = learningRateFactor;
        this.ruleStates = Collections.unmodifiableMap(new LinkedHashMap<>(ruleStates));
        this.observations = observations;
    }

    /** The number of steps taken. */
    public long step() {
        return step;
    }

    /** The schedule's factor for the last step taken (1 before the first); each group's rate is its base rate times this. */
    public double learningRateFactor() {
        return learningRateFactor;
    }

    /** The metrics observed so far, oldest first (none until {@link Optimizer#observe} is called). */
    public Observations observations() {
        return observations;
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
                + " parameters"
                + (observations.size() == 0 ? "" : ", " + observations.size() + " observations") + "]";
    }
}
