package org.adjoint.optim.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a training run recorded, for printing and plotting: the loss of every step, the mean loss of
 * every epoch, the evaluation of every epoch (if one was configured), whether and why the run stopped
 * early ({@link EarlyStopping}), and its best epoch ({@link Trainer#withKeepBest}). A checkpoint keeps
 * all of it but the timings, so a resumed run's history is the uninterrupted run's, from epoch 0. A
 * checkpoint written before histories were kept resumes with a history from the checkpoint's epoch:
 * then {@link #firstEpoch()} is above 0.
 */
public final class History {

    /**
     * The run stopped before its last epoch.
     *
     * @param epoch  the last epoch trained, counted from 0
     * @param reason why, such as {@code "accuracy did not improve on 0.93 (epoch 4) by more than 0.0 for 3 epochs (MAX mode)"}
     */
    public record EarlyStop(int epoch, String reason) {

        /** Refuses null. */
        public EarlyStop {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * The best epoch by a monitored metric; its evaluation parameters are the run's model.
     *
     * @param epoch  the epoch, counted from 0
     * @param metric the monitored metric
     * @param value  its value after that epoch
     */
    public record Best(int epoch, String metric, double value) {

        /** Refuses null. */
        public Best {
            Objects.requireNonNull(metric, "metric");
        }
    }

    private final int firstEpoch;
    private double[] stepLosses = new double[64];
    private int steps;
    private final List<Double> epochLosses = new ArrayList<>();
    private final List<Map<String, Double>> evaluations = new ArrayList<>();
    private long examples;
    private long nanos;
    private EarlyStop earlyStop;
    private Best best;
    private EarlyStopping.Tracker tracker = EarlyStopping.Tracker.START;

    History(int firstEpoch) {
        this.firstEpoch = firstEpoch;
    }

    /** A history restored from a checkpoint: its records without the timings. */
    History(int firstEpoch, double[] stepLosses, double[] epochLosses, List<Map<String, Double>> evaluations) {
        this(firstEpoch);
        for (double loss : stepLosses) {
            recordStep(loss, 0, 0);
        }
        for (int e = 0; e < epochLosses.length; e++) {
            recordEpoch(epochLosses[e], evaluations.get(e));
        }
    }

    void recordStep(double loss, int batchSize, long elapsedNanos) {
        if (steps == stepLosses.length) {
            stepLosses = Arrays.copyOf(stepLosses, 2 * steps);
        }
        stepLosses[steps++] = loss;
        examples += batchSize;
        nanos += elapsedNanos;
    }

    void recordEpoch(double meanLoss, Map<String, Double> evaluation) {
        epochLosses.add(meanLoss);
        evaluations.add(Map.copyOf(evaluation));
    }

    void recordStop(EarlyStop stop) {
        earlyStop = stop;
    }

    void recordBest(Best newBest) {
        best = newBest;
    }

    void tracker(EarlyStopping.Tracker newTracker) {
        tracker = newTracker;
    }

    EarlyStopping.Tracker tracker() {
        return tracker;
    }

    /** The number of epochs done in all: the first recorded epoch plus those recorded. */
    int epochsDone() {
        return firstEpoch + epochLosses.size();
    }

    /** When and why the run stopped early, if it did. */
    public Optional<EarlyStop> earlyStop() {
        return Optional.ofNullable(earlyStop);
    }

    /** The best epoch by the metric {@link Trainer#withKeepBest} monitors, if one is monitored and an epoch was done. */
    public Optional<Best> best() {
        return Optional.ofNullable(best);
    }

    /** The epoch (counted from 0) that the first recorded epoch had. */
    public int firstEpoch() {
        return firstEpoch;
    }

    /** The loss of every step, in order. */
    public double[] stepLosses() {
        return Arrays.copyOf(stepLosses, steps);
    }

    /** The mean step loss of every completed epoch. */
    public double[] epochLosses() {
        return epochLosses.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The evaluation of every completed epoch (empty maps if none was configured). */
    public List<Map<String, Double>> evaluations() {
        return Collections.unmodifiableList(evaluations);
    }

    /** Examples processed per second of training steps (forward, backward and update). */
    public double examplesPerSecond() {
        return nanos == 0 ? 0 : examples * 1e9 / nanos;
    }

    @Override
    public String toString() {
        return "History[" + steps + " steps, " + epochLosses.size() + " epochs from epoch " + firstEpoch
                + (earlyStop == null ? "" : ", stopped early after epoch " + (earlyStop.epoch() + 1)) + "]";
    }
}
