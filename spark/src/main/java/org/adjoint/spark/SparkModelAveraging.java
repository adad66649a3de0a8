package org.adjoint.spark;

import java.util.Objects;
import org.adjoint.core.Tensor;

/**
 * Local SGD with periodic model averaging: each round ships θ to every task, every partition runs
 * {@code localSteps} SGD steps on its own rows (each on the rows a seeded per-row hash picks, mean
 * gradient, rate α), and the driver replaces θ by the partitions' models averaged with weights
 * nₚ/N, added in partition order. One pass per round instead of one per step, so it needs far fewer
 * jobs than {@link SparkMinibatch} for the same number of gradient steps; the regularizer, if any, is
 * not used (it is evaluated on the driver only).
 *
 * <p>Reproducible: the same seed and partitioning give the same bits on any cluster and after task
 * retries. Its fixed point depends on the partitioning (partitions drift apart between averages), so
 * finish with L-BFGS on the full objective when an exact minimum matters.
 *
 * @param learningRate α, the local SGD rate
 * @param localSteps   SGD steps per partition between averages
 * @param fraction     each row's probability of being in a local step's sample, in (0, 1]
 * @param seed         the samples' seed
 */
public record SparkModelAveraging(double learningRate, int localSteps, double fraction, long seed) {

    /** Validates the settings. */
    public SparkModelAveraging {
        if (!(learningRate > 0) || !Double.isFinite(learningRate) || localSteps < 1) {
            throw new IllegalArgumentException("SparkModelAveraging: learningRate = " + learningRate
                    + " must be positive and finite, localSteps = " + localSteps + " at least 1");
        }
        new RowSample(fraction, seed, 0); // validates the fraction
    }

    /**
     * θ after {@code rounds} rounds from {@code init} (rounds numbered from 0).
     *
     * @throws IllegalStateException if the objective has no row sampler, or θ stops being finite (naming the round)
     */
    public Tensor train(SparkObjective<?> objective, Tensor init, int rounds) {
        Objects.requireNonNull(objective, "objective");
        Objects.requireNonNull(init, "init");
        ShardTasks.LocalSteps plan = new ShardTasks.LocalSteps(learningRate, localSteps, fraction, seed);
        Tensor theta = init;
        for (int round = 0; round < rounds; round++) {
            theta = objective.averagedLocalSteps(theta, plan, round);
            if (!theta.isFinite()) {
                throw new IllegalStateException("SparkModelAveraging: θ is not finite after round " + round
                        + "; lower the learning rate " + learningRate);
            }
        }
        return theta;
    }
}
