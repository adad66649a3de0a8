package org.adjoint.optim.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.adjoint.core.NamedTensors;
import org.adjoint.optim.OptimizerState;

/**
 * Training stopped because a checkpoint could not be written (a full disk, a missing directory, no
 * permission). The training itself was fine: the exception carries the parameters, the optimizer
 * state and the history at the end of the epoch whose checkpoint failed, so nothing trained is lost —
 * save them elsewhere, or continue with {@link Trainer#fit} from them. The cause is the
 * {@link IOException} of the write.
 */
public final class CheckpointFailedException extends UncheckedIOException {

    private static final long serialVersionUID = 1L;

    private final transient NamedTensors params;
    private final transient OptimizerState state;
    private final transient History history;
    /** The number of epochs completed when the checkpoint failed. */
    private final int epochsDone;

    CheckpointFailedException(String message, IOException cause, NamedTensors params, OptimizerState state,
                              History history, int epochsDone) {
        super(message, cause);
        this.params = params;
        this.state = state;
        this.history = history;
        this.epochsDone = epochsDone;
    }

    /** The parameters after the last completed epoch: those the failed checkpoint was to hold. */
    public NamedTensors params() {
        return params;
    }

    /** The optimizer state after the last completed epoch. */
    public OptimizerState state() {
        return state;
    }

    /** The history up to and including the last completed epoch. */
    public History history() {
        return history;
    }

    /** The number of epochs completed in all (the checkpoint's epoch counter had it been written). */
    public int epochsDone() {
        return epochsDone;
    }
}
