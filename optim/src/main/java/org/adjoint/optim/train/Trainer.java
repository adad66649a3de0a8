package org.adjoint.optim.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.adjoint.core.NamedTensors;
import org.adjoint.optim.Optimizer;
import org.adjoint.optim.OptimizerState;
import org.adjoint.optim.Step;
import org.adjoint.optim.checkpoint.Checkpoint;

/**
 * The minibatch training loop: epochs of shuffled batches from a {@link MinibatchSampler}, one
 * optimizer step per batch, an optional evaluation after each epoch, progress on the console, and
 * optional checkpoints from which a run can be resumed bit for bit. Immutable; configure with the
 * {@code with…} methods.
 *
 * <pre>{@code
 * Trainer trainer = Trainer.of(Optimizer.of(new Adam(1e-3)))
 *         .withEpochs(10).withBatchSize(64).withSeed(7)
 *         .withEvaluation((epoch, params) -> Map.of("accuracy", Predictions.accuracy(net, params, x, y)));
 * Trainer.Run run = trainer.fit(params, data, (p, batch) ->
 *         Losses.softmaxCrossEntropy(net.forward(p, Var.constant(batch.inputs())), batch.labels()));
 * }</pre>
 *
 * <p>{@link #withDataParallelism} computes each batch in k parts on k threads (the batch loss must then
 * be a mean over the batch's examples), bit-identical from run to run for a given k.
 *
 * <p>After each epoch's evaluation the optimizer {@linkplain Optimizer#observe observes} the epoch's mean
 * training loss as {@code "loss"} and the evaluation's metrics, so a schedule such as
 * {@code Schedule.reduceOnPlateau("accuracy").maximizing()} reacts to them; the observations travel in
 * the optimizer state and its checkpoints.
 *
 * <p>A loss or gradient that is NaN or infinite stops training with a {@link TrainingDivergedException}
 * that names the epoch and step and keeps the last finite parameters, unless the batch's data itself
 * holds a NaN or infinite value ({@link Dataset#nonFinite}): then a {@link NonFiniteDataException} says
 * where, and keeps the parameters likewise. A step that leaves the optimizer state NaN or infinite
 * (one huge but finite gradient whose square overflows Adam's, RMSProp's or AdaGrad's second moment:
 * that element would never move again, in PyTorch too) also stops training with a
 * {@link TrainingDivergedException} naming the rule, the slot, the element and the gradient there;
 * the update formulas are PyTorch's, unchanged. A checkpoint that cannot be
 * written stops training with a {@link CheckpointFailedException} (an {@code UncheckedIOException})
 * that carries the parameters, optimizer state and history of the epoch it was to record.
 */
public final class Trainer {

    /** An evaluation after each epoch (such as test accuracy), recorded in the history and printed. */
    @FunctionalInterface
    public interface Evaluation {

        /** Named metrics of {@code params} after epoch {@code epoch} (counted from 0). */
        Map<String, Double> evaluate(int epoch, NamedTensors params);
    }

    /**
     * The outcome of a run.
     *
     * @param params  the parameters after the last step
     * @param state   the optimizer state after the last step
     * @param history the losses and evaluations recorded
     */
    public record Run(NamedTensors params, OptimizerState state, History history) {

        /** Refuses null. */
        public Run {
            Objects.requireNonNull(params, "params");
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(history, "history");
        }
    }

    private final Optimizer optimizer;
    private final int epochs;
    private final int batchSize;
    private final long seed;
    private final boolean dropLast;
    private final Evaluation evaluation;
    private final Progress progress;
    private final Path checkpoint;
    private final int checkpointEvery;
    private final int parts;
    private final boolean allowUnused;

    private Trainer(Optimizer optimizer, int epochs, int batchSize, long seed, boolean dropLast, Evaluation evaluation,
                    Progress progress, Path checkpoint, int checkpointEvery, int parts, boolean allowUnused) {
        this.optimizer = Objects.requireNonNull(optimizer, "optimizer");
        this.epochs = epochs;
        this.batchSize = batchSize;
        this.seed = seed;
        this.dropLast = dropLast;
        this.evaluation = evaluation;
        this.progress = Objects.requireNonNull(progress, "progress");
        this.checkpoint = checkpoint;
        this.checkpointEvery = checkpointEvery;
        this.parts = parts;
        this.allowUnused = allowUnused;
        if (parts < 1) {
            throw new IllegalArgumentException("Trainer.withDataParallelism: need at least 1 part per batch, got " + parts);
        }
        if (epochs < 1 || batchSize < 1 || checkpointEvery < 1) {
            throw new IllegalArgumentException("Trainer: epochs = " + epochs + ", batch size = " + batchSize
                    + " and checkpoint interval = " + checkpointEvery + " must all be at least 1");
        }
    }

    /** One epoch of batches of 32, seed 0, the last partial batch kept, no evaluation, progress on {@code System.out}. */
    public static Trainer of(Optimizer optimizer) {
        return new Trainer(optimizer, 1, 32, 0, false, null, Progress.console(System.out), null, 1, 1, false);
    }

    /** The same trainer running {@code n} epochs in all (a resumed run stops at the same total). */
    public Trainer withEpochs(int n) {
        return new Trainer(optimizer, n, batchSize, seed, dropLast, evaluation, progress, checkpoint, checkpointEvery, parts, allowUnused);
    }

    /**
     * The same trainer with batches of {@code n} examples (1: stochastic; the dataset size or more: full
     * batch, as one short batch per epoch; see {@link MinibatchSampler}).
     */
    public Trainer withBatchSize(int n) {
        return new Trainer(optimizer, epochs, n, seed, dropLast, evaluation, progress, checkpoint, checkpointEvery, parts, allowUnused);
    }

    /** The same trainer shuffling with {@code newSeed}. */
    public Trainer withSeed(long newSeed) {
        return new Trainer(optimizer, epochs, batchSize, newSeed, dropLast, evaluation, progress, checkpoint, checkpointEvery, parts, allowUnused);
    }

    /** The same trainer leaving out (or keeping) each epoch's last partial batch. */
    public Trainer withDropLast(boolean drop) {
        return new Trainer(optimizer, epochs, batchSize, seed, drop, evaluation, progress, checkpoint, checkpointEvery, parts, allowUnused);
    }

    /** The same trainer evaluating the parameters after every epoch. */
    public Trainer withEvaluation(Evaluation newEvaluation) {
        Objects.requireNonNull(newEvaluation, "evaluation");
        return new Trainer(optimizer, epochs, batchSize, seed, dropLast, newEvaluation, progress, checkpoint, checkpointEvery, parts, allowUnused);
    }

    /** The same trainer reporting to {@code newProgress} ({@link Progress#silent()} for none). */
    public Trainer withProgress(Progress newProgress) {
        return new Trainer(optimizer, epochs, batchSize, seed, dropLast, evaluation, newProgress, checkpoint, checkpointEvery, parts, allowUnused);
    }

    /**
     * The same trainer writing a {@link Checkpoint} to {@code file} after every {@code everyEpochs}
     * epochs and after the last; a write that fails stops the run with a
     * {@link CheckpointFailedException} carrying what was trained.
     */
    public Trainer withCheckpoints(Path file, int everyEpochs) {
        Objects.requireNonNull(file, "file");
        return new Trainer(optimizer, epochs, batchSize, seed, dropLast, evaluation, progress, file, everyEpochs, parts, allowUnused);
    }

    /**
     * The same trainer splitting each batch into {@code k} contiguous parts (fewer for a batch of fewer
     * than k examples) whose losses and gradients are computed on k threads, the caller included, and
     * combined in part order: with nᵢ of the batch's n examples in part i, the batch's loss is
     * Σᵢ (nᵢ/n)·Lᵢ and its gradient Σᵢ (nᵢ/n)·∇Lᵢ. That equals the whole batch's loss and gradient up to
     * rounding when the {@link BatchLoss} is a <em>mean</em> over the batch's examples (terms that do not
     * depend on the data, such as a weight penalty, may be added: the weights sum to one); the first
     * batch of each run is checked, and a loss that is not a mean is refused. For a given k the run is
     * bit-identical from run to run (and a resumed run to an unbroken one); k = 1, the default,
     * is the single-threaded loop. The {@link Dataset} and the batch loss are then called from
     * several threads at once and must allow it (immutable data, such as {@link LabeledData}, does); an
     * exception from a part arrives wrapped in an {@code org.adjoint.optim.sharded.ShardFailureException}
     * naming the part.
     */
    public Trainer withDataParallelism(int k) {
        return new Trainer(optimizer, epochs, batchSize, seed, dropLast, evaluation, progress, checkpoint, checkpointEvery, k, allowUnused);
    }

    /**
     * The same trainer accepting a batch loss that does not use every parameter, such as a layer frozen
     * by leaving it out of the loss. By default such a loss is refused with an
     * {@code IllegalArgumentException} naming the unused parameters, since a parameter the loss never
     * reaches usually means a bug (a {@code Var.param} copy instead of the tracked variable) and would
     * silently never train. With this opt-in an unused parameter gets a <em>zero</em> gradient
     * ({@link org.adjoint.nn.Variables#gradientsAllowingUnused}) and goes through the optimizer's step
     * like the others: with plain SGD, momentum or Adam started at zero it stays exactly unchanged, but
     * a rule with weight decay still shrinks it, and momentum or moments gathered while it was used
     * still move it. PyTorch differs there: it skips a parameter whose {@code grad} is {@code None}
     * altogether; to freeze a parameter under weight decay here, give it its own group with a
     * learning rate of zero ({@link Optimizer#withGroup}).
     */
    public Trainer allowingUnusedParameters() {
        return new Trainer(optimizer, epochs, batchSize, seed, dropLast, evaluation, progress, checkpoint, checkpointEvery,
                parts, true);
    }

    /** Trains from {@code params} for the configured number of epochs. */
    public <B> Run fit(NamedTensors params, Dataset<B> data, BatchLoss<B> batchLoss) {
        return train(params, optimizer.init(params), 0, data, batchLoss);
    }

    /**
     * Continues a run from a checkpoint written by a trainer configured like this one, up to the
     * configured total number of epochs; the result is bit for bit that of a run that never stopped.
     *
     * A checkpoint written after the last epoch resumes to a run of no steps.
     *
     * @param model parameters shaped like the model's, used to check the checkpoint
     * @throws IllegalArgumentException if the checkpoint has no epoch counter, or one that is not a whole
     *                                  number of epochs from 0 to this trainer's total (NaN, negative,
     *                                  fractional or beyond the run)
     */
    public <B> Run resume(Path file, NamedTensors model, Dataset<B> data, BatchLoss<B> batchLoss) throws IOException {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(batchLoss, "batchLoss");
        Checkpoint.Contents saved = Checkpoint.load(file, optimizer, model);
        return train(saved.params(), saved.state(), epochsDone(file, saved.counters().get("epoch")), data, batchLoss);
    }

    /** The checkpoint's epoch counter, which must be a whole number of epochs of this run. */
    private int epochsDone(Path file, Double epoch) {
        if (epoch == null) {
            throw new IllegalArgumentException("resume: " + file + " has no epoch counter; was it written by a Trainer?");
        }
        if (!(epoch >= 0 && epoch <= epochs && epoch == Math.rint(epoch))) {
            throw new IllegalArgumentException("resume: " + file + " holds the epoch counter " + epoch + ", but a run of "
                    + epochs + " epochs can only be resumed after a whole number of epochs from 0 to " + epochs);
        }
        return epoch.intValue();
    }

    private <B> Run train(NamedTensors start, OptimizerState startState, int firstEpoch, Dataset<B> data, BatchLoss<B> batchLoss) {
        MinibatchSampler sampler = new MinibatchSampler(data.size(), batchSize, seed, dropLast);
        History history = new History(firstEpoch);
        NamedTensors params = start;
        OptimizerState state = startState;
        for (int epoch = firstEpoch; epoch < epochs; epoch++) {
            int[][] batches = sampler.batches(epoch);
            double lossSum = 0;
            for (int b = 0; b < batches.length; b++) {
                long begin = System.nanoTime();
                DataParallel lossAndGradient = DataParallel.of(params, data, batches[b], batchLoss, parts, allowUnused);
                double loss = lossAndGradient.loss();
                NamedTensors grads = lossAndGradient.gradients();
                if (parts > 1 && epoch == firstEpoch && b == 0) {
                    DataParallel.requireMean(params, data, batches[b], batchLoss, parts, loss);
                }
                FiniteChecks.requireFinite(loss, grads, epoch, b, params, history, data, batches[b]);
                Step step = optimizer.step(params, grads, state);
                FiniteChecks.requireFiniteState(step.state(), grads, epoch, b, params, history);
                params = step.params();
                state = step.state();
                history.recordStep(loss, batches[b].length, System.nanoTime() - begin);
                lossSum += loss;
                progress.step(epoch, epochs, b, batches.length, loss, history.examplesPerSecond());
            }
            Map<String, Double> metrics = evaluation == null ? Map.of() : evaluation.evaluate(epoch, params);
            history.recordEpoch(lossSum / batches.length, metrics);
            state = optimizer.observe(state, observed(lossSum / batches.length, metrics));
            progress.epoch(epoch, epochs, lossSum / batches.length, metrics, history.examplesPerSecond());
            if (checkpoint != null && ((epoch + 1) % checkpointEvery == 0 || epoch + 1 == epochs)) {
                save(params, state, epoch + 1, history);
            }
        }
        return new Run(params, state, history);
    }

    /**
     * What the optimizer observes after an epoch, for a schedule that monitors a metric: the epoch's mean
     * training loss as {@code "loss"} and the evaluation's metrics (an evaluation's own {@code "loss"} wins).
     */
    private static Map<String, Double> observed(double meanLoss, Map<String, Double> metrics) {
        Map<String, Double> all = new LinkedHashMap<>();
        all.put("loss", meanLoss);
        all.putAll(metrics);
        return all;
    }

    private void save(NamedTensors params, OptimizerState state, int epochsDone, History history) {
        try {
            Checkpoint.save(checkpoint, optimizer, params, state, Map.of("epoch", (double) epochsDone));
        } catch (IOException e) {
            throw new CheckpointFailedException("checkpoint after epoch " + epochsDone + " to " + checkpoint
                    + " failed; training stopped there, and this exception carries the parameters and optimizer state"
                    + " after epoch " + epochsDone + ": " + e, e, params, state, history, epochsDone);
        }
    }
}
