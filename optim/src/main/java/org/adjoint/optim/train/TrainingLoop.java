package org.adjoint.optim.train;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.adjoint.core.NamedTensors;
import org.adjoint.core.Tensor;
import org.adjoint.optim.EvaluatedStep;
import org.adjoint.optim.LossAndGradient;
import org.adjoint.optim.Optimizer;
import org.adjoint.optim.OptimizerState;
import org.adjoint.optim.checkpoint.Checkpoint;

/**
 * One run of a {@link Trainer}, from a start (fresh or restored) to the last epoch or an early stop:
 * the epochs of steps, the evaluation of the evaluation parameters, early stopping and keep-best, and
 * the checkpoints. Used once; it holds the run's moving parts.
 *
 * @param <B> the batch type
 */
final class TrainingLoop<B> {

    private static final String BEST = "best/";

    private final Optimizer optimizer;
    private final Settings settings;
    private final Dataset<B> data;
    private final BatchLoss<B> batchLoss;
    private final History history;
    private NamedTensors params;
    private OptimizerState state;
    /** The best evaluation parameters so far under keep-best; null before any or without keep-best. */
    private NamedTensors best;
    /** The model's buffers and per-step context, for a {@link ModelTraining} run; null for a plain one. */
    private final BufferedLoss<B> buffered;

    TrainingLoop(Optimizer optimizer, Settings settings, Dataset<B> data, BatchLoss<B> batchLoss, NamedTensors params,
                 OptimizerState state, History history, NamedTensors best) {
        this(optimizer, settings, data, batchLoss, params, state, history, best, null);
    }

    TrainingLoop(Optimizer optimizer, Settings settings, Dataset<B> data, BatchLoss<B> batchLoss, NamedTensors params,
                 OptimizerState state, History history, NamedTensors best, BufferedLoss<B> buffered) {
        this.buffered = buffered;
        this.optimizer = optimizer;
        this.settings = settings;
        this.data = data;
        this.batchLoss = batchLoss;
        this.params = params;
        this.state = state;
        this.history = history;
        this.best = best;
    }

    Trainer.Run run() {
        requireMonitorsCanBeMet();
        MinibatchSampler sampler = new MinibatchSampler(data.size(), settings.batchSize(), settings.seed(), settings.dropLast());
        int first = history.epochsDone();
        for (int epoch = first; epoch < settings.epochs() && history.earlyStop().isEmpty(); epoch++) {
            double meanLoss = trainEpoch(sampler.batches(epoch), epoch, epoch == first);
            NamedTensors model = optimizer.evaluationParameters(params, state);
            Map<String, Double> metrics = settings.evaluation() == null ? Map.of()
                    : settings.evaluation().evaluate(epoch, model);
            history.recordEpoch(meanLoss, metrics);
            state = optimizer.observe(state, observed(meanLoss, metrics));
            monitor(epoch, meanLoss, metrics, model);
            settings.progress().epoch(epoch, settings.epochs(), meanLoss, metrics, history.examplesPerSecond());
            int done = epoch;
            history.earlyStop().ifPresent(stop -> settings.progress().stoppedEarly(done, settings.epochs(), stop.reason()));
            if (settings.checkpointAfter(epoch, history.earlyStop().isPresent())) {
                save(epoch + 1);
            }
        }
        NamedTensors model = best != null ? best : optimizer.evaluationParameters(params, state);
        return new Trainer.Run(params, state, history, model);
    }

    private double trainEpoch(int[][] batches, int epoch, boolean firstOfRun) {
        double lossSum = 0;
        for (int b = 0; b < batches.length; b++) {
            long begin = System.nanoTime();
            BatchLoss<B> stepLoss = buffered == null ? batchLoss : buffered.step(settings.seed(), epoch, b);
            BatchObjective objective = new BatchObjective(epoch, b, batches[b], stepLoss);
            EvaluatedStep step = optimizer.step(params, objective, state);
            double loss = step.start().loss();
            if (settings.parts() > 1 && firstOfRun && b == 0) {
                DataParallel.requireMean(params, data, batches[b], batchLoss, settings.parts(), loss);
            }
            FiniteChecks.requireFiniteState(step.step().state(), objective.lastGradients, epoch, b, params, history);
            params = step.step().params();
            if (buffered != null) {
                buffered.commit();
            }
            state = step.step().state();
            history.recordStep(loss, batches[b].length, System.nanoTime() - begin);
            lossSum += loss;
            settings.progress().step(epoch, settings.epochs(), b, batches.length, loss, history.examplesPerSecond());
        }
        return lossSum / batches.length;
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

    /** Updates early stopping and keep-best after {@code epoch}, whose evaluation parameters are {@code model}. */
    private void monitor(int epoch, double loss, Map<String, Double> metrics, NamedTensors model) {
        EarlyStopping stopping = settings.earlyStopping();
        if (stopping != null) {
            EarlyStopping.Tracker t = stopping.update(history.tracker(), epoch,
                    stopping.monitor().valueIn("Trainer.withEarlyStopping", loss, metrics));
            history.tracker(t);
            String reason = stopping.reason(t);
            if (reason != null) {
                history.recordStop(new History.EarlyStop(epoch, reason));
            }
        }
        Monitor keep = settings.keepBest();
        if (keep != null) {
            double value = keep.valueIn("Trainer.withKeepBest", loss, metrics);
            if (keep.improves(value, history.best().map(History.Best::value).orElse(Double.NaN), 0)) {
                history.recordBest(new History.Best(epoch, keep.metric(), value));
                best = model;
                if (buffered != null) {
                    buffered.keepBest();
                }
            }
        }
    }

    /** Refuses, before any step, a monitored metric that cannot exist (no evaluation) or a resumed best of another metric. */
    private void requireMonitorsCanBeMet() {
        if (settings.evaluation() == null && settings.earlyStopping() != null) {
            settings.earlyStopping().monitor().valueIn("Trainer.withEarlyStopping", 0, Map.of());
        }
        Monitor keep = settings.keepBest();
        if (settings.evaluation() == null && keep != null) {
            keep.valueIn("Trainer.withKeepBest", 0, Map.of());
        }
        if (keep != null && history.best().isPresent() && !history.best().get().metric().equals(keep.metric())) {
            throw new IllegalArgumentException("resume: the checkpoint kept the best parameters by "
                    + history.best().get().metric() + " but this trainer keeps the best by " + keep.metric());
        }
    }

    private void save(int epochsDone) {
        Map<String, Tensor> extras = new LinkedHashMap<>(HistoryTensors.save(history));
        if (best != null) {
            best.asMap().forEach((name, t) -> extras.put(BEST + name, t));
        }
        if (buffered != null) {
            extras.putAll(buffered.extras());
        }
        try {
            Checkpoint.save(settings.checkpoint(), optimizer, params, state, Map.of("epoch", (double) epochsDone), extras);
        } catch (IOException e) {
            throw new CheckpointFailedException("checkpoint after epoch " + epochsDone + " to " + settings.checkpoint()
                    + " failed; training stopped there, and this exception carries the parameters and optimizer state"
                    + " after epoch " + epochsDone + ": " + e, e, params, state, history, epochsDone);
        }
    }

    /**
     * The best parameters a checkpoint's extras hold, shaped like {@code template}, or null if it holds none.
     *
     * @throws IllegalArgumentException if they are for other parameters
     */
    static NamedTensors bestIn(Map<String, Tensor> extras, NamedTensors template) {
        if (extras.keySet().stream().noneMatch(key -> key.startsWith(BEST))) {
            return null;
        }
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (String name : template.names()) {
            Tensor t = extras.get(BEST + name);
            if (t == null || !t.shape().equals(template.get(name).shape())) {
                throw new IllegalArgumentException("resume: the checkpoint's best parameters do not match the model's "
                        + name + ", of shape " + template.get(name).shape() + ": " + (t == null ? "missing" : "shape " + t.shape()));
            }
            out.put(name, t);
        }
        return NamedTensors.of(out);
    }

    /** One batch's loss and gradient as a function of the parameters, stopping the run if either is not finite. */
    private final class BatchObjective implements LossAndGradient {

        private final int epoch;
        private final int batch;
        private final int[] indices;
        private final BatchLoss<B> stepLoss;
        /** The gradients of the last evaluation: those the step used. */
        private NamedTensors lastGradients;

        BatchObjective(int epoch, int batch, int[] indices, BatchLoss<B> stepLoss) {
            this.stepLoss = stepLoss;
            this.epoch = epoch;
            this.batch = batch;
            this.indices = indices;
        }

        @Override
        public Value at(NamedTensors at) {
            DataParallel d = DataParallel.of(at, data, indices, stepLoss, settings.parts(), settings.allowUnused());
            FiniteChecks.requireFinite(d.loss(), d.gradients(), epoch, batch, params, history, data, indices);
            lastGradients = d.gradients();
            return new Value(d.loss(), d.gradients());
        }
    }
}
