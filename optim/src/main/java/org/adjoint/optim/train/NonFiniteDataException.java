package org.adjoint.optim.train;

import org.adjoint.core.NamedTensors;

/**
 * Training stopped because a batch's loss or gradient was NaN or infinite and the batch's data itself
 * holds a NaN or infinite value: the data needs cleaning or imputing, the run did not diverge. The
 * message names the epoch, the step and where the value is (see {@link Dataset#nonFinite}); the
 * exception carries the parameters before that step and the history up to it, as
 * {@link TrainingDivergedException} does.
 */
public final class NonFiniteDataException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient NamedTensors lastParameters;
    private final transient History history;

    NonFiniteDataException(String message, NamedTensors lastParameters, History history) {
        super(message);
        this.lastParameters = lastParameters;
        this.history = history;
    }

    /** The parameters before the step whose batch held the non-finite value. */
    public NamedTensors lastParameters() {
        return lastParameters;
    }

    /** The history up to that step. */
    public History history() {
        return history;
    }
}
