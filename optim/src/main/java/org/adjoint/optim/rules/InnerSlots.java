package org.adjoint.optim.rules;

import java.util.LinkedHashMap;
import java.util.Map;
import org.adjoint.core.Tensor;
import org.adjoint.optim.UpdateRule;

/**
 * The checkpoint slots of a wrapped rule ({@link GradientAccumulation}, {@link Lookahead}, {@link Ema},
 * {@link Swa}): the inner rule's own slots under the prefix {@code inner_opt_state/} (optax's name), beside
 * the wrapper's, and the check of the wrappers' whole-number hyperparameters.
 */
final class InnerSlots {

    static final String PREFIX = "inner_opt_state/";

    private InnerSlots() {
    }

    /** Adds {@code inner}'s slots for {@code state} to {@code saved}, prefixed. */
    static <S> void put(Map<String, Tensor> saved, UpdateRule<S> inner, S state) {
        inner.save(state).forEach((slot, t) -> saved.put(PREFIX + slot, t));
    }

    /** {@code inner}'s state from the prefixed slots of {@code saved}. */
    static <S> S restore(UpdateRule<S> inner, Map<String, Tensor> saved, Tensor param) {
        Map<String, Tensor> innerSlots = new LinkedHashMap<>();
        saved.forEach((slot, t) -> {
            if (slot.startsWith(PREFIX)) {
                innerSlots.put(slot.substring(PREFIX.length()), t);
            }
        });
        return inner.restore(innerSlots, param);
    }

    /** {@code value}, if it is at least {@code least}; otherwise an exception naming the rule and the value. */
    static int atLeast(String rule, String name, int value, int least) {
        if (value < least) {
            throw new IllegalArgumentException(rule + ": " + name + " = " + value + " must be at least " + least);
        }
        return value;
    }
}
