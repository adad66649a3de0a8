package org.adjoint.optim.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * What a training run recorded, for printing and plotting: the loss of every step, the mean loss of
 * every epoch, and the evaluation of every epoch (if one was configured). Epochs are counted from
 * {@link #firstEpoch()}, which is above 0 for a run resumed from a checkpoint.
 */
public final class History {

    private final int firstEpoch;
    private double[] stepLosses = new double[64];
    private int steps;
    private final List<Double> epochLosses = new ArrayList<>();
    private final List<Map<String, Double>> evaluations = new ArrayList<>();
    private long examples;
    private long nanos;

    History(int firstEpoch) {
        this.firstEpoch = firstEpoch;
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
        return "History[" + steps + " steps, " + epochLosses.size() + " epochs from epoch " + firstEpoch + "]";
    }
}
