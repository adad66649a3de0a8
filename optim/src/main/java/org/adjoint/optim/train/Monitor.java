package org.adjoint.optim.train;

import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A metric to watch after each epoch and which way is better, for {@link EarlyStopping} and
 * {@link Trainer#withKeepBest}: {@code Monitor.max("accuracy")}, {@code Monitor.min("loss")}. The metric
 * is one the {@link Trainer.Evaluation} returns, or {@code "loss"}, the epoch's mean training loss,
 * which is always there.
 *
 * @param metric the metric's name
 * @param mode   whether lower ({@link Mode#MIN}) or higher ({@link Mode#MAX}) is better
 */
public record Monitor(String metric, Mode mode) {

    /** The name of the epoch's mean training loss, which every run can monitor. */
    public static final String LOSS = "loss";

    /** Which way a metric improves. */
    public enum Mode {
        /** Lower is better (losses, errors). */
        MIN,
        /** Higher is better (accuracy, R²). */
        MAX
    }

    /** Refuses null and a blank metric name. */
    public Monitor {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(mode, "mode");
        if (metric.isBlank()) {
            throw new IllegalArgumentException("Monitor: the metric's name is blank");
        }
    }

    /** Watches {@code metric}, lower being better. */
    public static Monitor min(String metric) {
        return new Monitor(metric, Mode.MIN);
    }

    /** Watches {@code metric}, higher being better. */
    public static Monitor max(String metric) {
        return new Monitor(metric, Mode.MAX);
    }

    /**
     * Whether {@code value} improves on {@code best} by more than {@code minDelta}: any number improves on
     * NaN (no best yet), and NaN improves on nothing.
     */
    public boolean improves(double value, double best, double minDelta) {
        if (Double.isNaN(value)) {
            return false;
        }
        if (Double.isNaN(best)) {
            return true;
        }
        return mode == Mode.MIN ? value < best - minDelta : value > best + minDelta;
    }

    /**
     * The monitored value after an epoch of mean training loss {@code loss} and evaluation {@code evaluation}.
     *
     * @throws IllegalArgumentException if the evaluation does not produce the metric, naming those it does
     */
    double valueIn(String operation, double loss, Map<String, Double> evaluation) {
        if (metric.equals(LOSS)) {
            if (evaluation.containsKey(LOSS)) {
                throw new IllegalArgumentException(operation + ": the evaluation returns a metric named \"loss\", which"
                        + " would hide the monitored training loss; name it otherwise (such as \"testLoss\")");
            }
            return loss;
        }
        Double value = evaluation.get(metric);
        if (value == null) {
            TreeSet<String> available = new TreeSet<>(evaluation.keySet());
            available.add(LOSS);
            throw new IllegalArgumentException(operation + ": the monitored metric \"" + metric + "\" is not among the"
                    + " metrics " + available + " (\"loss\" is the epoch's mean training loss; the others are the evaluation's)");
        }
        return value;
    }
}
