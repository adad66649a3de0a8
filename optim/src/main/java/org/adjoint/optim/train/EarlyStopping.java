package org.adjoint.optim.train;

import java.util.Objects;
import org.adjoint.optim.Hyperparameters;

/**
 * Stops training when a monitored metric has not improved for {@code patience} epochs in a row, as
 * Keras' and Lightning's {@code EarlyStopping}: an epoch improves when its value beats the best so far
 * by more than {@code minDelta} (below {@code best − minDelta} for {@link Monitor.Mode#MIN}, above
 * {@code best + minDelta} for {@link Monitor.Mode#MAX}); a NaN value never improves. The run stops
 * after the epoch that makes the count reach {@code patience}; the {@link History} records which epoch
 * and why (even when that is the last epoch, so that a longer run resumed from its checkpoint stops
 * where an uninterrupted one would), and a checkpoint is written then if checkpoints are on.
 *
 * @param monitor  the metric and which way is better
 * @param patience epochs without improvement before stopping, at least 1
 * @param minDelta the least change that counts as an improvement, finite and at least 0
 */
public record EarlyStopping(Monitor monitor, int patience, double minDelta) {

    /** Validates the settings. */
    public EarlyStopping {
        Objects.requireNonNull(monitor, "monitor");
        if (patience < 1) {
            throw new IllegalArgumentException("EarlyStopping: patience = " + patience + " must be at least 1 epoch");
        }
        Hyperparameters.nonNegative("EarlyStopping", "minDelta", minDelta);
    }

    /**
     * Where early stopping stands after some epochs.
     *
     * @param best      the best value so far (NaN before any)
     * @param bestEpoch its epoch, counted from 0 (-1 before any)
     * @param stale     epochs since the last improvement
     */
    record Tracker(double best, int bestEpoch, int stale) {

        static final Tracker START = new Tracker(Double.NaN, -1, 0);
    }

    /** The tracker after an epoch {@code epoch} whose monitored value is {@code value}. */
    Tracker update(Tracker tracker, int epoch, double value) {
        return monitor.improves(value, tracker.best(), minDelta) ? new Tracker(value, epoch, 0)
                : new Tracker(tracker.best(), tracker.bestEpoch(), tracker.stale() + 1);
    }

    /** Why training stops at {@code tracker}, or null if it goes on. */
    String reason(Tracker tracker) {
        if (tracker.stale() < patience) {
            return null;
        }
        String epochs = patience + " epoch" + (patience == 1 ? "" : "s");
        if (tracker.bestEpoch() < 0) {
            return monitor.metric() + " was NaN for " + epochs;
        }
        return monitor.metric() + " did not improve on " + tracker.best() + " (epoch " + (tracker.bestEpoch() + 1)
                + ") by more than " + minDelta + " for " + epochs + " (" + monitor.mode() + " mode)";
    }
}
