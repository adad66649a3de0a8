package org.adjoint.spark;

import java.util.Objects;
import org.adjoint.core.NamedTensors;
import org.adjoint.optim.Optimizer;
import org.adjoint.optim.OptimizerState;
import org.adjoint.optim.Step;
import org.adjoint.optim.minimize.Evaluation;

/**
 * Minibatch training on Spark, as MLlib's {@code GradientDescent} does it: each step is one
 * distributed pass that computes the mean loss and gradient over a sampled fraction of the rows, and
 * the driver applies an {@link Optimizer} (SGD, Adam, any update rule and schedule) to the
 * parameters.
 *
 * <p>The sample of step t takes each row independently with probability {@code fraction}, decided by a
 * hash of (seed, t, partition, row): the same seed and partitioning give the same samples, steps and
 * bits on any cluster and after task retries. Every step still visits every partition (it reads the
 * cached rows to pick its sample), so a step costs a pass's scheduling overhead however small the
 * fraction: use large fractions, or L-BFGS on the full objective, when the data fit in the cluster's
 * memory.
 *
 * <p>The parameters are {@link NamedTensors}; the loss sees them flattened in their order
 * ({@link NamedTensors#flatten}), the gradient is unflattened back, so optimizer groups select
 * parameters by name as in single-JVM training.
 */
public final class SparkMinibatch {

    /**
     * The end of a run.
     *
     * @param params the parameters after the last step
     * @param state  the optimizer's state after the last step (to continue training)
     * @param losses the sampled mean loss of each step, before its update
     */
    public record Run(NamedTensors params, OptimizerState state, double[] losses) {

        /** Refuses null. */
        public Run {
            Objects.requireNonNull(params, "params");
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(losses, "losses");
        }
    }

    private final Optimizer optimizer;
    private final double fraction;
    private final long seed;

    /**
     * @param optimizer the update applied on the driver after each distributed gradient
     * @param fraction  each row's probability of being in a step's sample, in (0, 1]
     * @param seed      the samples' seed
     */
    public SparkMinibatch(Optimizer optimizer, double fraction, long seed) {
        this.optimizer = Objects.requireNonNull(optimizer, "optimizer");
        new RowSample(fraction, seed, 0); // validates the fraction
        this.fraction = fraction;
        this.seed = seed;
    }

    /**
     * {@code steps} steps from {@code init} (steps numbered from 0, with a fresh optimizer state).
     *
     * @throws IllegalStateException    if the objective has no row sampler (see {@link SparkObjective#withSampler})
     * @throws IllegalStateException    if a step's loss or gradient is not finite, naming the step
     */
    public Run train(SparkObjective<?> objective, NamedTensors init, int steps) {
        Objects.requireNonNull(objective, "objective");
        Objects.requireNonNull(init, "init");
        if (steps < 0) {
            throw new IllegalArgumentException("SparkMinibatch.train: steps = " + steps + " must be at least 0");
        }
        NamedTensors params = init;
        OptimizerState state = optimizer.init(init);
        double[] losses = new double[steps];
        for (int t = 0; t < steps; t++) {
            Evaluation e = objective.sampledMeanGradient(params.flatten(), new RowSample(fraction, seed, t));
            if (!e.isFinite()) {
                throw new IllegalStateException("SparkMinibatch.train: step " + t + " gave a loss of " + e.value()
                        + " or a gradient that is not finite; the parameters before it are finite");
            }
            losses[t] = e.value();
            Step step = optimizer.step(params, init.unflatten(e.gradient()), state);
            params = step.params();
            state = step.state();
        }
        return new Run(params, state, losses);
    }
}
