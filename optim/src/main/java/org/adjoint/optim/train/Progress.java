package org.adjoint.optim.train;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Where a training loop reports progress. {@link #console} redraws one line with a bar in an
 * interactive terminal, and prints plain lines at most every few seconds (and after every epoch) when
 * the output is a log, as in CI.
 */
public interface Progress {

    /** After each step. */
    void step(int epoch, int epochs, int batch, int batches, double loss, double examplesPerSecond);

    /** After each epoch, with the epoch's mean loss and its evaluation. */
    void epoch(int epoch, int epochs, double meanLoss, Map<String, Double> evaluation, double examplesPerSecond);

    /** When early stopping ends the run after {@code epoch} (counted from 0), with the reason; by default nothing. */
    default void stoppedEarly(int epoch, int epochs, String reason) {
        Objects.requireNonNull(reason, "reason");
    }

    /** Reports nothing. */
    static Progress silent() {
        return new Progress() {
            @Override
            public void step(int epoch, int epochs, int batch, int batches, double loss, double examplesPerSecond) {
            }

            @Override
            public void epoch(int epoch, int epochs, double meanLoss, Map<String, Double> evaluation, double examplesPerSecond) {
            }
        };
    }

    /** A bar redrawn in place in a terminal, or plain periodic lines otherwise (when {@code CI} is set or output is redirected). */
    static Progress console(PrintStream out) {
        Objects.requireNonNull(out, "out");
        boolean terminal = System.console() != null && System.getenv("CI") == null;
        return new ConsoleProgress(out, terminal, 2_000_000_000L);
    }

    /** Formats a number as the progress lines do: four significant digits. */
    static String number(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
