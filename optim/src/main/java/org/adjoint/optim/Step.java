package org.adjoint.optim;

import org.adjoint.core.NamedTensors;

/**
 * What one optimizer step returns: the new parameters and the new optimizer state.
 *
 * @param params the parameters after the step
 * @param state  the optimizer state after the step
 */
public record Step(NamedTensors params, OptimizerState state) {
}
