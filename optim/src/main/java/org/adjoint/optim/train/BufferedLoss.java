package org.adjoint.optim.train;

import java.util.LinkedHashMap;
import java.util.Map;
import org.adjoint.core.NamedTensors;
import org.adjoint.core.Tensor;
import org.adjoint.nn.Context;
import org.adjoint.nn.Forward;

/**
 * The moving part of a {@link ModelTraining} run inside the {@link TrainingLoop}: the model's current
 * buffers, the per-step training context, and the buffers kept with the best parameters. Each step's
 * context has a seed mixed from the run's seed, the epoch and the batch, so a run (and a resumed run)
 * draws the same masks bit for bit; every evaluation of the loss within a step (a sharpness-aware
 * rule evaluates twice) sees the same context, and the first evaluation's buffer updates, those at the
 * iterate, are kept.
 *
 * @param <B> the batch type
 */
final class BufferedLoss<B> {

    private static final String BUFFERS = "buffers/";
    private static final String BEST_BUFFERS = "best-buffers/";

    private final ModelLoss<B> loss;
    private NamedTensors buffers;
    private NamedTensors bestBuffers;
    private Forward pending;

    BufferedLoss(ModelLoss<B> loss, NamedTensors buffers, NamedTensors bestBuffers) {
        this.loss = loss;
        this.buffers = buffers;
        this.bestBuffers = bestBuffers;
    }

    /** The loss of step {@code batch} of {@code epoch} as a plain batch loss, recording the first pass's updates. */
    BatchLoss<B> step(long runSeed, int epoch, int batch) {
        Context ctx = Context.training(mix(mix(runSeed, epoch), batch), buffers);
        pending = null;
        return (params, b) -> {
            Forward f = loss.loss(params, b, ctx);
            if (pending == null) {
                pending = f;
            }
            return f.output();
        };
    }

    /** Applies the step's buffer updates, after the optimizer accepted the step. */
    void commit() {
        if (pending != null) {
            buffers = pending.applyTo(buffers);
        }
        pending = null;
    }

    NamedTensors buffers() {
        return buffers;
    }

    /** Keeps the current buffers with the best parameters. */
    void keepBest() {
        bestBuffers = buffers;
    }

    /** The buffers of the model to keep: the best epoch's under keep-best, else the current ones. */
    NamedTensors modelBuffers() {
        return bestBuffers != null ? bestBuffers : buffers;
    }

    /** The buffers as checkpoint extras. */
    Map<String, Tensor> extras() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        buffers.asMap().forEach((name, t) -> out.put(BUFFERS + name, t));
        if (bestBuffers != null) {
            bestBuffers.asMap().forEach((name, t) -> out.put(BEST_BUFFERS + name, t));
        }
        return out;
    }

    /**
     * The buffers and best buffers a checkpoint's extras hold, shaped like {@code template}.
     *
     * @throws IllegalArgumentException if the checkpoint lacks a buffer or holds it in another shape
     */
    static <B> BufferedLoss<B> restore(ModelLoss<B> loss, Map<String, Tensor> extras, NamedTensors template,
                                       boolean withBest) {
        return new BufferedLoss<>(loss, read(extras, BUFFERS, template), withBest ? read(extras, BEST_BUFFERS, template) : null);
    }

    private static NamedTensors read(Map<String, Tensor> extras, String prefix, NamedTensors template) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (String name : template.names()) {
            Tensor t = extras.get(prefix + name);
            if (t == null || !t.shape().equals(template.get(name).shape())) {
                throw new IllegalArgumentException("resume: the checkpoint's " + prefix + " do not match the model's buffer "
                        + name + ", of shape " + template.get(name).shape() + ": " + (t == null ? "missing" : "shape " + t.shape()));
            }
            out.put(name, t);
        }
        return NamedTensors.of(out);
    }

    /** SplitMix64's finalizer of a seed and a counter. */
    private static long mix(long seed, int counter) {
        long z = seed + 0x9E3779B97F4A7C15L * (counter + 1L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
