package org.adjoint.optim.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import org.adjoint.core.NamedTensors;
import org.adjoint.optim.Optimizer;
import org.adjoint.optim.OptimizerState;
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
 * <p>Each step is {@link Optimizer#step(NamedTensors, org.adjoint.optim.LossAndGradient, OptimizerState)} on
 * the batch's loss and gradient, so a sharpness-aware optimizer ({@link Optimizer#withSharpnessAware})
 * takes its second gradient on the same batch, in the same parallel parts. The evaluation, the run's
 * {@link Run#model()} and keep-best see the optimizer's evaluation parameters (averages, for a rule
 * that averages), not the iterate. {@link #withEarlyStopping} and {@link #withKeepBest} watch a metric;
 * the {@link History} records the stop and the best epoch, and checkpoints carry the history and the
 * best parameters, so that a resumed run is the uninterrupted one.
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
     * @param params  the iterate after the last step: with {@code state}, what a run continues from
     * @param state   the optimizer state after the last step
     * @param history the losses, evaluations, early stop and best epoch recorded
     * @param model   the parameters to keep: the best epoch's evaluation parameters under
     *                {@link #withKeepBest}, else the evaluation parameters after the last step
     *                ({@link Optimizer#evaluationParameters}, the iterate itself unless a rule averages)
     */
    public record Run(NamedTensors params, OptimizerState state, History history, NamedTensors model) {

        /** Refuses null. */
        public Run {
            Objects.requireNonNull(params, "params");
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(history, "history");
            Objects.requireNonNull(model, "model");
        }
    }

    private final Optimizer optimizer;
    private final Settings settings;

    private Trainer(Optimizer optimizer, Settings settings) {
        this.optimizer = Objects.requireNonNull(optimizer, "optimizer");
        this.settings = settings;
    }

    /** One epoch of batches of 32, seed 0, the last partial batch kept, no evaluation, progress on {@code System.out}. */
    public static Trainer of(Optimizer optimizer) {
        return new Trainer(optimizer, Settings.defaults());
    }

    /** The same trainer running {@code n} epochs in all (a resumed run stops at the same total). */
    public Trainer withEpochs(int n) {
        return new Trainer(optimizer, settings.withEpochs(n));
    }

    /**
     * The same trainer with batches of {@code n} examples (1: stochastic; the dataset size or more: full
     * batch, as one short batch per epoch; see {@link MinibatchSampler}).
     */
    public Trainer withBatchSize(int n) {
        return new Trainer(optimizer, settings.withBatching(n, settings.seed(), settings.dropLast()));
    }

    /** The same trainer shuffling with {@code newSeed}. */
    public Trainer withSeed(long newSeed) {
        return new Trainer(optimizer, settings.withBatching(settings.batchSize(), newSeed, settings.dropLast()));
    }

    /** The same trainer leaving out (or keeping) each epoch's last partial batch. */
    public Trainer withDropLast(boolean drop) {
        return new Trainer(optimizer, settings.withBatching(settings.batchSize(), settings.seed(), drop));
    }

    /**
     * The same trainer evaluating after every epoch, at the optimizer's evaluation parameters
     * ({@link Optimizer#evaluationParameters}: the averaged parameters of a rule that averages, else the
     * iterate).
     */
    public Trainer withEvaluation(Evaluation newEvaluation) {
        Objects.requireNonNull(newEvaluation, "evaluation");
        return new Trainer(optimizer, settings.withReporting(newEvaluation, settings.progress()));
    }

    /** The same trainer reporting to {@code newProgress} ({@link Progress#silent()} for none). */
    public Trainer withProgress(Progress newProgress) {
        return new Trainer(optimizer, settings.withReporting(settings.evaluation(), newProgress));
    }

    /**
     * The same trainer writing a {@link Checkpoint} to {@code file} after every {@code everyEpochs}
     * epochs, after the last and at an early stop; it holds the parameters, the optimizer state, the
     * {@link History} (but its timings) and the best parameters under {@link #withKeepBest}. A write that
     * fails stops the run with a {@link CheckpointFailedException} carrying what was trained.
     */
    public Trainer withCheckpoints(Path file, int everyEpochs) {
        Objects.requireNonNull(file, "file");
        return new Trainer(optimizer, settings.withCheckpoints(file, everyEpochs));
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
        return new Trainer(optimizer, settings.withGradients(k, settings.allowUnused()));
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
        return new Trainer(optimizer, settings.withGradients(settings.parts(), true));
    }

    /**
     * The same trainer stopping early as {@code stopping} says: when its metric (one of the evaluation's, or
     * {@code "loss"}, the epoch's mean training loss) has not improved for its patience. A metric the
     * evaluation does not produce is refused, naming those it does: before training if there is no
     * evaluation, else after the first epoch's.
     */
    public Trainer withEarlyStopping(EarlyStopping stopping) {
        Objects.requireNonNull(stopping, "stopping");
        return new Trainer(optimizer, settings.withMonitoring(stopping, settings.keepBest()));
    }

    /**
     * The same trainer keeping the evaluation parameters of the best epoch by {@code monitor} (the first
     * of equal ones) as the run's {@link Run#model()}; {@link History#best()} says which epoch. They are
     * saved in checkpoints, so a resumed run keeps them. The metric is checked as for
     * {@link #withEarlyStopping}.
     */
    public Trainer withKeepBest(Monitor monitor) {
        Objects.requireNonNull(monitor, "monitor");
        return new Trainer(optimizer, settings.withMonitoring(settings.earlyStopping(), monitor));
    }

    /** Trains from {@code params} for the configured number of epochs, or until early stopping stops it. */
    public <B> Run fit(NamedTensors params, Dataset<B> data, BatchLoss<B> batchLoss) {
        return fit(params, data, batchLoss, null);
    }

    /** {@link #fit}, with the buffers of a {@link ModelTraining} run (null for none). */
    <B> Run fit(NamedTensors params, Dataset<B> data, BatchLoss<B> batchLoss, BufferedLoss<B> buffered) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(batchLoss, "batchLoss");
        return new TrainingLoop<>(optimizer, settings, data, batchLoss, params, optimizer.init(params), new History(0), null,
                buffered).run();
    }

    /**
     * Continues a run from a checkpoint written by a trainer configured like this one, up to the
     * configured total number of epochs or an early stop; the result, history included, is bit for bit
     * that of a run that never stopped (but the timings). A checkpoint written after the last epoch, or at
     * an early stop, resumes to a run of no steps. A checkpoint written before histories were kept
     * resumes with a history that starts at the checkpoint's epoch ({@link History#firstEpoch()}).
     *
     * @param model parameters shaped like the model's, used to check the checkpoint
     * @throws IllegalArgumentException if the checkpoint has no epoch counter, or one that is not a whole
     *                                  number of epochs from 0 to this trainer's total (NaN, negative,
     *                                  fractional or beyond the run), or one its history disagrees with
     */
    public <B> Run resume(Path file, NamedTensors model, Dataset<B> data, BatchLoss<B> batchLoss) throws IOException {
        return resume(file, model, data, batchLoss, contents -> null);
    }

    /** {@link #resume}, with the buffers of a {@link ModelTraining} run restored from the checkpoint by {@code buffers}. */
    <B> Run resume(Path file, NamedTensors model, Dataset<B> data, BatchLoss<B> batchLoss,
                   java.util.function.Function<Checkpoint.Contents, BufferedLoss<B>> buffers) throws IOException {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(batchLoss, "batchLoss");
        Checkpoint.Contents saved = Checkpoint.load(file, optimizer, model);
        int done = epochsDone(file, saved.counters().get("epoch"));
        History history = HistoryTensors.restore(saved.extras());
        if (history == null) {
            history = new History(done);
        } else if (history.epochsDone() != done) {
            throw new IllegalArgumentException("resume: " + file + " holds a history of " + history.epochsDone()
                    + " epochs but the epoch counter " + done);
        }
        return new TrainingLoop<>(optimizer, settings, data, batchLoss, saved.params(), saved.state(), history,
                TrainingLoop.bestIn(saved.extras(), model), buffers.apply(saved)).run();
    }

    /** The number of parts each batch is computed in ({@link #withDataParallelism}). */
    int parts() {
        return settings.parts();
    }

    /** The checkpoint's epoch counter, which must be a whole number of epochs of this run. */
    private int epochsDone(Path file, Double epoch) {
        if (epoch == null) {
            throw new IllegalArgumentException("resume: " + file + " has no epoch counter; was it written by a Trainer?");
        }
        if (!(epoch >= 0 && epoch <= settings.epochs() && epoch == Math.rint(epoch))) {
            throw new IllegalArgumentException("resume: " + file + " holds the epoch counter " + epoch + ", but a run of "
                    + settings.epochs() + " epochs can only be resumed after a whole number of epochs from 0 to "
                    + settings.epochs());
        }
        return epoch.intValue();
    }
}
