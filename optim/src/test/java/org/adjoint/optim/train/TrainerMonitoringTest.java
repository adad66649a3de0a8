package org.adjoint.optim.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.adjoint.autodiff.Losses;
import org.adjoint.autodiff.Var;
import org.adjoint.core.NamedTensors;
import org.adjoint.core.Tensor;
import org.adjoint.nn.Predictions;
import org.adjoint.nn.layers.Activation;
import org.adjoint.nn.layers.Mlp;
import org.adjoint.nn.layers.Sequential;
import org.adjoint.optim.Optimizer;
import org.adjoint.optim.Slots;
import org.adjoint.optim.Update;
import org.adjoint.optim.UpdateRule;
import org.adjoint.optim.rules.Adam;
import org.adjoint.optim.rules.Sgd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Evaluation parameters, early stopping, keep-best and one history across a resume. */
class TrainerMonitoringTest {

    @TempDir
    Path dir;

    private static final Sequential NET = Mlp.of(Activation.TANH, 4, 8, 3);
    private static final LabeledData DATA = TrainerTest.blobs(90, 5);
    private static final BatchLoss<LabeledData> LOSS = (p, batch) ->
            Losses.softmaxCrossEntropy(NET.forward(p, Var.constant(batch.inputs())), batch.labels());

    /** Plain SGD whose evaluation parameters are the mean of the iterates so far, start included: an averaging rule. */
    record AveragingSgd(double learningRate) implements UpdateRule<AveragingSgd.State> {

        record State(long t, Tensor mean) {
        }

        @Override
        public State init(Tensor param) {
            return new State(0, param);
        }

        @Override
        public Update<State> apply(Tensor param, Tensor grad, State state, double lr) {
            Tensor next = param.sub(grad.mul(lr));
            long t = state.t() + 1;
            return new Update<>(next, new State(t, state.mean().add(next.sub(state.mean()).div(t + 1))));
        }

        @Override
        public Tensor evaluationParam(Tensor param, State state) {
            return state.mean();
        }

        @Override
        public Map<String, Tensor> save(State state) {
            return Map.of("t", Tensor.scalar(state.t()), "mean", state.mean());
        }

        @Override
        public State restore(Map<String, Tensor> saved, Tensor param) {
            return new State(Slots.counter("AveragingSgd", saved, "t"), saved.get("mean"));
        }
    }

    private static Trainer trainer(Optimizer optimizer, int epochs) {
        return Trainer.of(optimizer).withEpochs(epochs).withBatchSize(16).withSeed(3).withProgress(Progress.silent());
    }

    /** An evaluation whose "score" after epoch e is scores[e], and which remembers the parameters it saw. */
    private static Trainer.Evaluation scripted(double[] scores, List<NamedTensors> seen) {
        return (epoch, params) -> {
            seen.add(params);
            return Map.of("score", scores[epoch]);
        };
    }

    @Test
    void theEvaluationAndTheRunsModelAreTheEvaluationParametersNotTheIterate() {
        Optimizer averaging = Optimizer.of(new AveragingSgd(0.1));
        List<NamedTensors> seen = new ArrayList<>();
        Trainer.Run run = trainer(averaging, 2).withEvaluation(scripted(new double[] {0, 0}, seen))
                .fit(NET.initialize(1), DATA, LOSS);
        NamedTensors averages = averaging.evaluationParameters(run.params(), run.state());
        assertNotEquals(run.params(), averages);
        assertEquals(averages, seen.get(1), "the last evaluation saw the averages");
        assertEquals(averages, run.model());
        Trainer.Run plain = trainer(Optimizer.of(new Sgd(0.1)), 1).fit(NET.initialize(1), DATA, LOSS);
        assertEquals(plain.params(), plain.model(), "without averaging the model is the iterate");
    }

    @Test
    void earlyStoppingStopsAfterPatienceEpochsWithoutImprovementAndSaysWhy() {
        double[] scores = {0.5, 0.6, 0.6, 0.59, 0.7, 0.8};
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Trainer.Run run = trainer(Optimizer.of(new Adam(0.05)), 6).withEvaluation(scripted(scores, new ArrayList<>()))
                .withProgress(new ConsoleProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, Long.MAX_VALUE))
                .withEarlyStopping(new EarlyStopping(Monitor.max("score"), 2, 0)).fit(NET.initialize(1), DATA, LOSS);
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals("stopped early after epoch 4/6: score did not improve on 0.6 (epoch 2) by more than 0.0 for 2 epochs"
                + " (MAX mode)", lines[lines.length - 1]);
        History h = run.history();
        assertEquals(4, h.epochLosses().length);
        assertEquals(4 * 6, h.stepLosses().length);
        assertEquals(Optional.of(new History.EarlyStop(3,
                "score did not improve on 0.6 (epoch 2) by more than 0.0 for 2 epochs (MAX mode)")), h.earlyStop());
    }

    @Test
    void minDeltaIsTheLeastChangeThatCountsAsImprovementInMinMode() {
        double[] scores = {1.0, 0.95, 0.94, 0.939, 0.5};
        Trainer.Run run = trainer(Optimizer.of(new Adam(0.05)), 5).withEvaluation(scripted(scores, new ArrayList<>()))
                .withEarlyStopping(new EarlyStopping(Monitor.min("score"), 2, 0.02)).fit(NET.initialize(1), DATA, LOSS);
        assertEquals(3, run.history().earlyStop().orElseThrow().epoch());
        Trainer.Run patient = trainer(Optimizer.of(new Adam(0.05)), 5).withEvaluation(scripted(scores, new ArrayList<>()))
                .withEarlyStopping(new EarlyStopping(Monitor.min("score"), 2, 0.005)).fit(NET.initialize(1), DATA, LOSS);
        assertEquals(Optional.empty(), patient.history().earlyStop(), "0.94 and 0.939 improve by more than 0.005");
        assertEquals(5, patient.history().epochLosses().length);
    }

    @Test
    void keepBestMakesTheBestEpochsEvaluationParametersTheModel() {
        List<NamedTensors> seen = new ArrayList<>();
        Trainer.Run run = trainer(Optimizer.of(new Adam(0.05)), 4)
                .withEvaluation(scripted(new double[] {0.5, 0.9, 0.7, 0.9}, seen))
                .withKeepBest(Monitor.max("score")).fit(NET.initialize(1), DATA, LOSS);
        assertEquals(Optional.of(new History.Best(1, "score", 0.9)), run.history().best(), "the first of equal bests");
        assertEquals(seen.get(1), run.model());
        assertNotEquals(run.params(), run.model());
    }

    @Test
    void theTrainingLossIsAlwaysThereToMonitor() {
        Trainer.Run run = trainer(Optimizer.of(new Adam(0.05)), 4).withKeepBest(Monitor.min("loss"))
                .fit(NET.initialize(1), DATA, LOSS);
        double[] losses = run.history().epochLosses();
        int best = 0;
        for (int e = 1; e < losses.length; e++) {
            best = losses[e] < losses[best] ? e : best;
        }
        assertEquals(new History.Best(best, "loss", losses[best]), run.history().best().orElseThrow());
    }

    @Test
    void aMonitoredMetricTheEvaluationDoesNotProduceIsRefusedNamingThoseItDoes() {
        Trainer t = trainer(Optimizer.of(new Adam(0.05)), 3).withEvaluation((e, p) -> Map.of("accuracy", 0.5))
                .withEarlyStopping(new EarlyStopping(Monitor.max("acc"), 2, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.fit(NET.initialize(1), DATA, LOSS));
        assertEquals("Trainer.withEarlyStopping: the monitored metric \"acc\" is not among the metrics [accuracy, loss]"
                + " (\"loss\" is the epoch's mean training loss; the others are the evaluation's)", e.getMessage());

        int[] steps = {0};
        Trainer noEvaluation = trainer(Optimizer.of(new Adam(0.05)), 3).withKeepBest(Monitor.max("accuracy"))
                .withProgress(new CountingProgress(steps));
        e = assertThrows(IllegalArgumentException.class, () -> noEvaluation.fit(NET.initialize(1), DATA, LOSS));
        assertTrue(e.getMessage().startsWith("Trainer.withKeepBest: the monitored metric \"accuracy\" is not among the"
                + " metrics [loss]"), e.getMessage());
        assertEquals(0, steps[0], "refused before any step");

        Trainer shadowed = trainer(Optimizer.of(new Adam(0.05)), 3).withEvaluation((ep, p) -> Map.of("loss", 0.5))
                .withKeepBest(Monitor.min("loss"));
        e = assertThrows(IllegalArgumentException.class, () -> shadowed.fit(NET.initialize(1), DATA, LOSS));
        assertTrue(e.getMessage().contains("returns a metric named \"loss\""), e.getMessage());
    }

    private record CountingProgress(int[] steps) implements Progress {
        @Override
        public void step(int epoch, int epochs, int batch, int batches, double loss, double examplesPerSecond) {
            steps[0]++;
        }

        @Override
        public void epoch(int epoch, int epochs, double meanLoss, Map<String, Double> evaluation, double examplesPerSecond) {
        }
    }

    @Test
    void badMonitoringSettingsAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new EarlyStopping(Monitor.min("loss"), 0, 0));
        assertEquals("EarlyStopping: patience = 0 must be at least 1 epoch", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new EarlyStopping(Monitor.min("loss"), 3, Double.NaN));
        assertEquals("EarlyStopping: minDelta = NaN must be finite and at least 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Monitor.max(" "));
        assertEquals("Monitor: the metric's name is blank", e.getMessage());
    }

    /** Accuracy plus a scripted score that peaks at epoch 2 and then stalls: early stopping fires after epoch 5. */
    private static Trainer monitored(int epochs) {
        double[] scores = {0.5, 0.7, 0.8, 0.75, 0.78, 0.79, 0.9, 0.95};
        return trainer(Optimizer.of(new AveragingSgd(0.2)), epochs)
                .withEvaluation((epoch, p) -> Map.of("score", scores[epoch],
                        "accuracy", Predictions.accuracy(NET, p, DATA.inputs(), DATA.labels())))
                .withEarlyStopping(new EarlyStopping(Monitor.max("score"), 3, 0))
                .withKeepBest(Monitor.max("score"));
    }

    @Test
    void aResumedRunHasTheUninterruptedRunsHistoryBestAndStopBitForBit() throws IOException {
        NamedTensors start = NET.initialize(2);
        Trainer.Run straight = monitored(8).fit(start, DATA, LOSS);
        assertEquals(5, straight.history().earlyStop().orElseThrow().epoch());

        Path file = dir.resolve("checkpoint.npz");
        monitored(4).withCheckpoints(file, 2).fit(start, DATA, LOSS);
        Trainer.Run resumed = monitored(8).withCheckpoints(dir.resolve("later.npz"), 1).resume(file, start, DATA, LOSS);

        History a = straight.history();
        History b = resumed.history();
        assertEquals(0, b.firstEpoch());
        assertArrayEquals(bits(a.stepLosses()), bits(b.stepLosses()));
        assertArrayEquals(bits(a.epochLosses()), bits(b.epochLosses()));
        assertEquals(a.evaluations(), b.evaluations());
        assertEquals(a.earlyStop(), b.earlyStop());
        assertEquals(a.best(), b.best());
        assertEquals(straight.params(), resumed.params());
        assertEquals(straight.model(), resumed.model(), "the best parameters, from epoch 2, came through the checkpoint");

        Trainer.Run again = monitored(8).resume(dir.resolve("later.npz"), start, DATA, LOSS);
        assertEquals(a.earlyStop(), again.history().earlyStop(), "a run that stopped early resumes to no step");
        assertEquals(straight.model(), again.model());
        assertEquals(a.stepLosses().length, again.history().stepLosses().length);
    }

    @Test
    void aCheckpointWithoutHistoryResumesWithAHistoryFromItsEpoch() throws IOException {
        Optimizer optimizer = Optimizer.of(new Adam(0.05));
        NamedTensors start = NET.initialize(1);
        Trainer.Run first = trainer(optimizer, 2).fit(start, DATA, LOSS);
        Path file = dir.resolve("old.npz");
        org.adjoint.optim.checkpoint.Checkpoint.save(file, optimizer, first.params(), first.state(), Map.of("epoch", 2.0));
        Trainer.Run resumed = trainer(optimizer, 3).resume(file, start, DATA, LOSS);
        assertEquals(2, resumed.history().firstEpoch());
        assertEquals(1, resumed.history().epochLosses().length);
        assertEquals(6, resumed.history().stepLosses().length);
    }

    private static long[] bits(double[] x) {
        return Arrays.stream(x).mapToLong(Double::doubleToRawLongBits).toArray();
    }
}
