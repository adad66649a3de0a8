package org.adjoint.optim.train;

import java.util.Arrays;
import java.util.Objects;
import org.adjoint.core.NamedTensors;
import org.adjoint.core.Tensor;
import org.adjoint.optim.EvaluatedStep;
import org.adjoint.optim.Hyperparameters;
import org.adjoint.optim.LossAndGradient;
import org.adjoint.optim.Optimizer;
import org.adjoint.optim.OptimizerState;
import org.adjoint.optim.schedule.Schedule;

/**
 * The learning-rate range test (Smith, "Cyclical Learning Rates for Training Neural Networks", 2015/2017;
 * fastai's {@code lr_find}): train from the given parameters for up to {@code steps} minibatch steps
 * while the learning rate grows exponentially from {@code minRate} to {@code maxRate},
 * <pre>
 *   rateᵢ = minRate · (maxRate / minRate)^(i / (steps − 1))
 *   avg ← β·avg + (1 − β)·lossᵢ,   smoothedᵢ = avg / (1 − β^(i+1))
 * </pre>
 * and stop early once {@code smoothedᵢ > divergence · min smoothed} (or a loss is not finite). The
 * {@link LearningRateCurve} holds the rates, losses and smoothed losses and suggests the rate where the
 * smoothed loss falls fastest against log rate. Nothing of the caller's changes: the sweep trains a
 * throwaway copy (all values are immutable) and returns only the curve.
 *
 * <p>The rates are those of the rule of the first parameter (the reference); the sweep replaces the
 * optimizer's schedule by the factor that gives the reference these rates, so groups with other base
 * rates keep their ratio to it. A sharpness-aware optimizer sweeps with its two-pass step.
 *
 * @param optimizer  the optimizer whose rate is swept
 * @param minRate    the first rate, finite and above 0
 * @param maxRate    the last rate, finite and above {@code minRate}
 * @param steps      the number of rates, at least 2
 * @param batchSize  examples per batch, at least 1
 * @param seed       the shuffling seed
 * @param smoothing  β of the smoothed loss, in [0, 1) (0.98 in fastai)
 * @param divergence the factor over the best smoothed loss at which the sweep stops, above 1 (4 in fastai)
 */
public record LearningRateFinder(Optimizer optimizer, double minRate, double maxRate, int steps, int batchSize, long seed,
                                 double smoothing, double divergence) {

    /** Validates the settings. */
    public LearningRateFinder {
        Objects.requireNonNull(optimizer, "optimizer");
        Hyperparameters.positive("LearningRateFinder", "minRate", minRate);
        Hyperparameters.positive("LearningRateFinder", "maxRate", maxRate);
        Hyperparameters.unitInterval("LearningRateFinder", "smoothing", smoothing);
        if (!(maxRate > minRate) || steps < 2 || batchSize < 1 || !(divergence > 1) || Double.isInfinite(divergence)) {
            throw new IllegalArgumentException("LearningRateFinder: need minRate < maxRate (got " + minRate + " and "
                    + maxRate + "), at least 2 steps (got " + steps + "), a batch size of at least 1 (got " + batchSize
                    + ") and a finite divergence factor above 1 (got " + divergence + ")");
        }
    }

    /** From 1e-7 to 10 in 100 steps of batches of 32, seed 0, β = 0.98, stopping at 4× the best smoothed loss. */
    public static LearningRateFinder of(Optimizer optimizer) {
        return new LearningRateFinder(optimizer, 1e-7, 10, 100, 32, 0, 0.98, 4);
    }

    /** The same finder sweeping from {@code min} to {@code max} in {@code n} steps. */
    public LearningRateFinder withRange(double min, double max, int n) {
        return new LearningRateFinder(optimizer, min, max, n, batchSize, seed, smoothing, divergence);
    }

    /** The same finder with batches of {@code n} examples shuffled with {@code newSeed}. */
    public LearningRateFinder withBatches(int n, long newSeed) {
        return new LearningRateFinder(optimizer, minRate, maxRate, steps, n, newSeed, smoothing, divergence);
    }

    /**
     * Runs the range test from {@code params} on minibatches of {@code data}.
     *
     * @throws IllegalArgumentException if the reference rule's learning rate is 0 (there is nothing to scale)
     */
    public <B> LearningRateCurve run(NamedTensors params, Dataset<B> data, BatchLoss<B> batchLoss) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(batchLoss, "batchLoss");
        String reference = params.names().get(0);
        double base = optimizer.ruleFor(reference).learningRate();
        if (!(base > 0)) {
            throw new IllegalArgumentException("LearningRateFinder: the rule of " + reference + ", "
                    + optimizer.ruleFor(reference) + ", has learning rate " + base + "; the sweep scales it, so it must be above 0");
        }
        Optimizer sweep = optimizer.withSchedule(new Sweep(minRate / base, maxRate / minRate, steps));
        return sweep(sweep, reference, params, data, batchLoss);
    }

    private <B> LearningRateCurve sweep(Optimizer sweep, String reference, NamedTensors start, Dataset<B> data,
                                        BatchLoss<B> batchLoss) {
        MinibatchSampler sampler = new MinibatchSampler(data.size(), batchSize, seed, false);
        double[] rates = new double[steps];
        double[] losses = new double[steps];
        double[] smoothed = new double[steps];
        NamedTensors params = start;
        OptimizerState state = sweep.init(params);
        double average = 0;
        double best = Double.POSITIVE_INFINITY;
        int n = 0;
        while (n < steps) {
            int[] batch = sampler.batches(n / sampler.batchesPerEpoch())[n % sampler.batchesPerEpoch()];
            rates[n] = sweep.learningRate(reference, state);
            EvaluatedStep step = sweep.step(params, lossAndGradient(data, batch, batchLoss), state);
            losses[n] = step.start().loss();
            average = smoothing * average + (1 - smoothing) * losses[n];
            smoothed[n] = average / (1 - Math.pow(smoothing, n + 1));
            best = Math.min(best, smoothed[n]);
            n++;
            if (!Double.isFinite(smoothed[n - 1]) || smoothed[n - 1] > divergence * best) {
                int kept = Double.isFinite(smoothed[n - 1]) ? n : n - 1;
                return new LearningRateCurve(Arrays.copyOf(rates, kept), Arrays.copyOf(losses, kept),
                        Arrays.copyOf(smoothed, kept), true);
            }
            params = step.step().params();
            state = step.step().state();
        }
        return new LearningRateCurve(rates, losses, smoothed, false);
    }

    /**
     * The batch's loss and gradient; a gradient that is not finite is reported as a NaN loss with a zero
     * gradient, so that the sweep stops there as diverged instead of a (sharpness-aware) step refusing it.
     */
    private static <B> LossAndGradient lossAndGradient(Dataset<B> data, int[] batch, BatchLoss<B> batchLoss) {
        return p -> {
            DataParallel d = DataParallel.of(p, data, batch, batchLoss, 1, false);
            if (d.gradients().asMap().values().stream().allMatch(Tensor::isFinite)) {
                return new LossAndGradient.Value(d.loss(), d.gradients());
            }
            return new LossAndGradient.Value(Double.NaN, d.gradients().map(g -> Tensor.zeros(g.shape())));
        };
    }

    /** The schedule factor {@code start · ratio^(t / (steps − 1))}. */
    private record Sweep(double start, double ratio, int steps) implements Schedule {

        @Override
        public double factor(long step) {
            return start * Math.pow(ratio, (double) step / (steps - 1));
        }
    }
}
