package org.adjoint.optim;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An optimizer's state between steps: how many steps were taken, the learning-rate factor the
 * schedule gave the last one, and each parameter's rule state (moments, accumulators, counters),
 * by parameter name. Immutable: a step returns a new state, so an old one can be kept, compared or
 * checkpointed while training goes on.
 */
public final class OptimizerState {

    private final long step;
    private final double learningRateFactor;
    private final Map<String, Object> slots;

    OptimizerState(long step, double learningRateFactor, Map<String, Object> slots) {
        this.step = step;
        this.learningRateFactor = learningRateFactor;
        this.slots = Collections.unmodifiableMap(new LinkedHashMap<>(slots));
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
        return List.copyOf(slots.keySet());
    }

    /**
     * The rule state of one parameter, such as an {@code Adam.State}.
     *
     * @throws IllegalArgumentException if there is no parameter by that name
     */
    public Object slot(String name) {
        Object s = slots.get(name);
        if (s == null) {
            throw new IllegalArgumentException("optimizer state: no parameter named " + name + "; it has " + names());
        }
        return s;
    }

    @Override
    public String toString() {
        return "OptimizerState[step " + step + ", learning-rate factor " + learningRateFactor + ", " + slots.size()
                + " parameters]";
    }
}
