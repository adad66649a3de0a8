package org.adjoint.optim.train;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/** The console reporter behind {@link Progress#console}. */
final class ConsoleProgress implements Progress {

    private static final int BAR = 24;

    private final PrintStream out;
    private final boolean terminal;
    private final long intervalNanos;
    private long lastPrinted = System.nanoTime();

    ConsoleProgress(PrintStream out, boolean terminal, long intervalNanos) {
        this.out = out;
        this.terminal = terminal;
        this.intervalNanos = intervalNanos;
    }

    @Override
    public void step(int epoch, int epochs, int batch, int batches, double loss, double examplesPerSecond) {
        String status = String.format(Locale.ROOT, "epoch %d/%d, step %d/%d, loss %s, %,.0f examples/s",
                epoch + 1, epochs, batch + 1, batches, Progress.number(loss), examplesPerSecond);
        if (terminal) {
            int filled = (int) ((long) BAR * (batch + 1) / batches);
            out.print("\r[" + "#".repeat(filled) + " ".repeat(BAR - filled) + "] " + status + "   ");
            out.flush();
        } else if (System.nanoTime() - lastPrinted >= intervalNanos) {
            out.println(status);
            lastPrinted = System.nanoTime();
        }
    }

    @Override
    public void epoch(int epoch, int epochs, double meanLoss, Map<String, Double> evaluation, double examplesPerSecond) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "epoch %d/%d: mean loss %s", epoch + 1, epochs,
                Progress.number(meanLoss)));
        evaluation.forEach((key, value) -> line.append(", ").append(key).append(' ').append(Progress.number(value)));
        line.append(String.format(Locale.ROOT, ", %,.0f examples/s", examplesPerSecond));
        out.println((terminal ? "\r" : "") + line);
        lastPrinted = System.nanoTime();
    }

    @Override
    public void stoppedEarly(int epoch, int epochs, String reason) {
        out.println((terminal ? "\r" : "") + "stopped early after epoch " + (epoch + 1) + "/" + epochs + ": "
                + Objects.requireNonNull(reason, "reason"));
    }
}
