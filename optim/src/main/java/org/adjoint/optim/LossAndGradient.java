package org.adjoint.optim;

import java.util.Objects;
import org.adjoint.core.NamedTensors;

/**
 * A loss and its gradient as a function of the parameters, for {@link Optimizer#step(NamedTensors,
 * LossAndGradient, OptimizerState)}: an ordinary optimizer evaluates it once, at the parameters; a
 * sharpness-aware one ({@link Optimizer#withSharpnessAware}) twice, at the parameters and at a
 * perturbation of them. The function must not depend on how often it is called: for a minibatch, it
 * evaluates the same batch every time.
 */
@FunctionalInterface
public interface LossAndGradient {

    /** The loss at {@code params} and its gradient with respect to every parameter. */
    Value at(NamedTensors params);

    /**
     * A loss and its gradient at one point.
     *
     * @param loss      the loss
     * @param gradients the gradient with respect to every parameter, laid out like the parameters
     */
    record Value(double loss, NamedTensors gradients) {

        /** Refuses null. */
        public Value {
            Objects.requireNonNull(gradients, "gradients");
        }
    }
}
