package org.adjoint.optim;

import java.util.Objects;

/**
 * What a step on a {@link LossAndGradient} returns: the step, and the loss and gradient at the
 * parameters the step started from (the first evaluation, the one to record as the step's loss).
 *
 * @param step  the new parameters and optimizer state
 * @param start the loss and gradient at the parameters before the step
 */
public record EvaluatedStep(Step step, LossAndGradient.Value start) {

    /** Refuses null. */
    public EvaluatedStep {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(start, "start");
    }
}
