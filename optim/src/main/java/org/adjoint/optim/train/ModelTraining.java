package org.adjoint.optim.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.adjoint.core.NamedTensors;
import org.adjoint.nn.Context;
import org.adjoint.nn.ModelState;

/**
 * Training a model with a mode and buffers (dropout, batch normalization) with a {@link Trainer}: the
 * same loop, where each step's loss runs in a training {@link Context} whose seed is mixed from the
 * trainer's seed, the epoch and the batch (reproducible bit for bit, different from step to step),
 * and the buffers the pass returns become the model's buffers after the optimizer's step. The
 * evaluation after each epoch sees the evaluation parameters and the current buffers
 * ({@link ModelEvaluation}, which should evaluate in {@link Context#evaluation(NamedTensors)}).
 * Checkpoints carry the buffers (and, under keep-best, the best epoch's), so a resumed run is the
 * uninterrupted one bit for bit.
 *
 * <pre>{@code
 * ModelTraining.Result r = ModelTraining.fit(trainer, ModelState.initialize(net, 7), data,
 *         (p, batch, ctx) -> {
 *             Forward f = net.forward(p, Var.constant(batch.inputs()), ctx);
 *             return new Forward(Losses.softmaxCrossEntropy(f.output(), batch.labels()), f.updates());
 *         },
 *         (epoch, model) -> Map.of("accuracy", Predictions.accuracy(net.in(Context.evaluation(model.buffers())),
 *                 model.params(), xTest, yTest)));
 * }</pre>
 *
 * <p>Not with {@link Trainer#withDataParallelism} (k &gt; 1): each part would compute its own batch
 * statistics, which is another model.
 */
public final class ModelTraining {

    /** An evaluation after each epoch of the evaluation parameters with the current buffers. */
    @FunctionalInterface
    public interface ModelEvaluation {

        /** Named metrics of {@code model} after epoch {@code epoch} (counted from 0). */
        Map<String, Double> evaluate(int epoch, ModelState model);
    }

    /**
     * The outcome of a run.
     *
     * @param run     the trainer's run: parameters, optimizer state, history, model parameters
     * @param buffers the buffers after the last step, with {@code run.params()} what a run continues from
     * @param model   the model to keep: {@code run.model()} with its buffers (the best epoch's under keep-best)
     */
    public record Result(Trainer.Run run, NamedTensors buffers, ModelState model) {

        /** Refuses null. */
        public Result {
            Objects.requireNonNull(run, "run");
            Objects.requireNonNull(buffers, "buffers");
            Objects.requireNonNull(model, "model");
        }
    }

    private ModelTraining() {
    }

    /**
     * Trains {@code start} with {@code trainer}, evaluating with {@code evaluation} after each epoch
     * (it replaces any {@link Trainer#withEvaluation} of the trainer; {@code (epoch, model) -> Map.of()}
     * for none).
     */
    public static <B> Result fit(Trainer trainer, ModelState start, Dataset<B> data, ModelLoss<B> loss,
                                 ModelEvaluation evaluation) {
        Objects.requireNonNull(start, "start");
        BufferedLoss<B> buffered = new BufferedLoss<>(Objects.requireNonNull(loss, "loss"), start.buffers(), null);
        Trainer.Run run = configured(trainer, evaluation, buffered).fit(start.params(), data, (p, b) -> {
            throw new IllegalStateException("ModelTraining: the plain loss is never called");
        }, buffered);
        return result(run, buffered);
    }

    /**
     * Continues a run from a checkpoint written by {@link #fit} with a trainer configured like this one
     * (as {@link Trainer#resume}), buffers included.
     *
     * @param model a model state shaped like the model's, used to check the checkpoint
     */
    public static <B> Result resume(Trainer trainer, Path file, ModelState model, Dataset<B> data, ModelLoss<B> loss,
                                    ModelEvaluation evaluation) throws IOException {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(loss, "loss");
        AtomicReference<BufferedLoss<B>> holder = new AtomicReference<>();
        ModelEvaluation eval = Objects.requireNonNull(evaluation, "evaluation");
        Trainer configured = trainer.withEvaluation((epoch, p) -> eval.evaluate(epoch, new ModelState(p, holder.get().buffers())));
        requireOnePart(trainer);
        Trainer.Run run = configured.resume(file, model.params(), data, (p, b) -> {
            throw new IllegalStateException("ModelTraining: the plain loss is never called");
        }, contents -> holder.updateAndGet(none -> BufferedLoss.restore(loss, contents.extras(), model.buffers(),
                TrainingLoop.bestIn(contents.extras(), model.params()) != null)));
        return result(run, holder.get());
    }

    private static <B> Trainer configured(Trainer trainer, ModelEvaluation evaluation, BufferedLoss<B> buffered) {
        Objects.requireNonNull(evaluation, "evaluation");
        requireOnePart(trainer);
        return trainer.withEvaluation((epoch, p) -> evaluation.evaluate(epoch, new ModelState(p, buffered.buffers())));
    }

    private static void requireOnePart(Trainer trainer) {
        if (trainer.parts() != 1) {
            throw new IllegalArgumentException("ModelTraining: data parallelism (" + trainer.parts() + " parts) would"
                    + " give each part its own batch statistics; train a model with buffers on one part");
        }
    }

    private static <B> Result result(Trainer.Run run, BufferedLoss<B> buffered) {
        return new Result(run, buffered.buffers(), new ModelState(run.model(), buffered.modelBuffers()));
    }
}
