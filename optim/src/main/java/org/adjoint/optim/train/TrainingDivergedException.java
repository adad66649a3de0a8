package org.adjoint.optim.train;

import org.adjoint.core.NamedTensors;

/**
 * Training stopped because a loss or gradient became NaN or infinite. Carries the last parameters
 * that were all finite (those before the failing step) and the history up to it.
 */
public final class TrainingDivergedException extends ArithmeticException {

    private static final long serialVersionUID = 1L;

    private final transient NamedTensors lastFiniteParameters;
    private final transient History history;

    TrainingDivergedException(String message, NamedTensors lastFiniteParameters, History history) {
        super(message);
        this.lastFiniteParameters = lastFiniteParameters;
        this.history = history;
    }

    /** The parameters before the step whose loss or gradient was not finite. */
    public NamedTensors lastFiniteParameters() {
        return lastFiniteParameters;
    }

    /** The history up to the failing step. */
    public History history() {
        return history;
    }
}
