package org.adjoint.optim;

import java.util.Objects;
import org.adjoint.core.NamedTensors;

/**
 * What one optimizer step returns: the new parameters and the new optimizer state.
 *
 * @param params the parameters after the step
 * @param state  the optimizer state after the step
 */
public record Step(NamedTensors params, OptimizerState state) {

    /** Refuses null. */
    public Step {
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(state, "state");
    }
}
