package org.adjoint.spark.ml;

import java.util.Arrays;
import java.util.Objects;
import org.adjoint.optim.minimize.StopReason;

/**
 * How a fit went: the L-BFGS iterations, the objective at every iterate (the mean loss plus the
 * penalty, the starting point first, as MLlib's {@code objectiveHistory}), the distributed passes
 * over the data, the wall-clock time, and why it stopped.
 *
 * @param rows             N, the rows fitted
 * @param iterations       the iterations taken
 * @param objectiveHistory F at every iterate, x₀ first
 * @param passes           the distributed passes (value and gradient evaluations) made
 * @param seconds          the wall-clock time of the minimization, after the data were read and cached
 * @param reason           why it stopped
 * @param message          the reason in words, with the values involved
 */
public record FitSummary(long rows, int iterations, double[] objectiveHistory, long passes, double seconds,
                         StopReason reason, String message) implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    /** Copies the history. */
    public FitSummary {
        objectiveHistory = objectiveHistory.clone();
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
    }

    /** F at every iterate, x₀ first (a copy). */
    @Override
    public double[] objectiveHistory() {
        return objectiveHistory.clone();
    }

    /** F at the fitted parameters. */
    public double objective() {
        return objectiveHistory[objectiveHistory.length - 1];
    }

    /** Whether a tolerance was met (rather than the iteration budget or a failure). */
    public boolean converged() {
        return reason.converged();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FitSummary s && rows == s.rows && iterations == s.iterations && passes == s.passes
                && Double.compare(seconds, s.seconds) == 0 && reason == s.reason && message.equals(s.message)
                && Arrays.equals(objectiveHistory, s.objectiveHistory);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(objectiveHistory) + message.hashCode();
    }

    @Override
    public String toString() {
        return "FitSummary[" + reason + " after " + iterations + " iterations, " + passes + " passes over " + rows
                + " rows in " + seconds + " s: F = " + objective() + "; " + message + "]";
    }
}
