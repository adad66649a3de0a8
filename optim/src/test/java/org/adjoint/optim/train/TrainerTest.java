package org.adjoint.optim.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.adjoint.autodiff.Losses;
import org.adjoint.autodiff.Var;
import org.adjoint.core.NamedTensors;
import org.adjoint.core.Tensor;
import org.adjoint.nn.Predictions;
import org.adjoint.nn.Variables;
import org.adjoint.nn.layers.Activation;
import org.adjoint.nn.layers.Mlp;
import org.adjoint.nn.layers.Sequential;
import org.adjoint.optim.Optimizer;
import org.adjoint.optim.rules.Adam;
import org.adjoint.optim.rules.Sgd;
import org.adjoint.optim.schedule.Schedule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainerTest {

    @TempDir
    Path dir;

    private static final Sequential NET = Mlp.of(Activation.TANH, 4, 8, 3);
    private static final LabeledData DATA = blobs(90, 5);
    private static final BatchLoss<LabeledData> LOSS = (p, batch) ->
            Losses.softmaxCrossEntropy(NET.forward(p, Var.constant(batch.inputs())), batch.labels());

    /** Three Gaussian classes in four dimensions. */
    static LabeledData blobs(int n, long seed) {
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 3;
        }
        Tensor means = Tensor.matrix(new double[][] {{2, 0, 0, 1}, {0, 2, 0, -1}, {0, 0, 2, 0}});
        return new LabeledData(Tensor.oneHot(labels, 3).matmul(means).add(Tensor.randomNormal(seed, n, 4)), labels);
    }

    private static Trainer trainer() {
        return Trainer.of(Optimizer.of(new Adam(0.05))).withEpochs(4).withBatchSize(16).withSeed(3)
                .withProgress(Progress.silent());
    }

    @Test
    void trainsAndRecordsEveryStepAndEpoch() {
        Trainer t = trainer().withEvaluation((epoch, params) -> Map.of("accuracy",
                Predictions.accuracy(NET, params, DATA.inputs(), DATA.labels())));
        Trainer.Run run = t.fit(NET.initialize(1), DATA, LOSS);
        History h = run.history();
        assertEquals(4 * 6, h.stepLosses().length, "90 examples in batches of 16: 6 batches per epoch");
        assertEquals(4, h.epochLosses().length);
        assertEquals(4, h.evaluations().size());
        assertTrue(h.epochLosses()[3] < h.epochLosses()[0] / 2, Arrays.toString(h.epochLosses()));
        assertTrue(h.evaluations().get(3).get("accuracy") > 0.8, h.evaluations().toString());
        assertEquals(24, run.state().step());
        assertTrue(h.examplesPerSecond() > 0);
    }

    @Test
    void fullBatchTakesOneStepPerEpochAndDropLastLeavesOutThePartialBatch() {
        assertEquals(4, trainer().withBatchSize(90).fit(NET.initialize(1), DATA, LOSS).history().stepLosses().length);
        assertEquals(4 * 5, trainer().withDropLast(true).fit(NET.initialize(1), DATA, LOSS).history()
                .stepLosses().length);
    }

    @Test
    void aRunResumedFromACheckpointEndsBitForBitWhereAnUninterruptedRunEnds() throws IOException {
        Trainer t = trainer().withEpochs(5);
        NamedTensors start = NET.initialize(2);
        Trainer.Run straight = t.fit(start, DATA, LOSS);

        Path file = dir.resolve("checkpoint.npz");
        t.withEpochs(2).withCheckpoints(file, 1).fit(start, DATA, LOSS);
        Trainer.Run resumed = t.resume(file, start, DATA, LOSS);

        assertEquals(0, resumed.history().firstEpoch(), "the checkpoint carries the history from epoch 0");
        assertEquals(straight.state().step(), resumed.state().step());
        for (String name : start.names()) {
            assertArrayEquals(bits(straight.params().get(name)), bits(resumed.params().get(name)), name);
        }
    }

    private static long[] bits(Tensor t) {
        return Arrays.stream(t.toArray()).mapToLong(Double::doubleToRawLongBits).toArray();
    }

    @Test
    void aNonFiniteLossStopsTrainingNamingTheEpochAndStepAndKeepsTheLastFiniteParameters() {
        int[] calls = {0};
        BatchLoss<LabeledData> breaksAtStep9 = (p, batch) -> {
            Var loss = LOSS.loss(p, batch);
            return ++calls[0] == 9 ? loss.mul(Double.NaN) : loss;
        };
        Trainer t = trainer();
        NamedTensors start = NET.initialize(4);
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class, () -> t.fit(start, DATA, breaksAtStep9));
        assertEquals("training diverged at epoch 2, step 3: the loss is NaN; the last finite parameters are kept", e.getMessage());
        assertEquals(stepsByHand(start, 8), e.lastFiniteParameters());
        assertEquals(8, e.history().stepLosses().length);
    }

    /** The trainer's loop written out: the sampler's batches, one Adam step each, for {@code steps} steps. */
    private static NamedTensors stepsByHand(NamedTensors start, int steps) {
        Optimizer optimizer = Optimizer.of(new Adam(0.05));
        MinibatchSampler sampler = new MinibatchSampler(DATA.size(), 16, 3, false);
        NamedTensors params = start;
        org.adjoint.optim.OptimizerState state = optimizer.init(params);
        for (int k = 0; k < steps; k++) {
            int[] batch = sampler.batches(k / 6)[k % 6];
            org.adjoint.nn.Variables v = Variables.track(params);
            org.adjoint.optim.Step step = optimizer.step(params, v.gradients(LOSS.loss(v, DATA.batch(batch))), state);
            params = step.params();
            state = step.state();
        }
        return params;
    }

    @Test
    void aDivergingLearningRateIsCaughtAsAnInfiniteGradientOrLoss() {
        Trainer t = Trainer.of(Optimizer.of(new Sgd(1e200))).withEpochs(3).withBatchSize(90)
                .withProgress(Progress.silent());
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> t.fit(NET.initialize(1), DATA, (p, b) -> p.get("layer1.weight").square().sum()
                        .add(p.get("layer1.bias").square().sum()).add(p.get("layer2.weight").square().sum())
                        .add(p.get("layer2.bias").square().sum())));
        assertTrue(e.getMessage().startsWith("training diverged at epoch"), e.getMessage());
        assertTrue(e.lastFiniteParameters().flatten().isFinite());
    }

    @Test
    void plainProgressLinesForLogs() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        trainer().withEpochs(2).withProgress(new ConsoleProgress(out, false, 0))
                .withEvaluation((epoch, params) -> Map.of("accuracy", 0.5))
                .fit(NET.initialize(1), DATA, LOSS);
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(2 * 6 + 2, lines.length);
        assertTrue(lines[0].matches("epoch 1/2, step 1/6, loss [0-9.]+, [0-9,]+ examples/s"), lines[0]);
        assertTrue(lines[6].matches("epoch 1/2: mean loss [0-9.]+, accuracy 0.5000, [0-9,]+ examples/s"), lines[6]);
    }

    @Test
    void aScheduleCountedInEpochsDividesTheRateByTenEachEpoch() {
        Optimizer decaying = Optimizer.of(new Sgd(0.1)).withSchedule(Schedule.stepDecay(0.1, 1).inEpochs(6));
        Trainer.Run run = Trainer.of(decaying).withEpochs(3).withBatchSize(16).withProgress(Progress.silent())
                .fit(NET.initialize(1), DATA, LOSS);
        assertEquals(0.1 * 0.01, decaying.learningRate("layer1.weight", run.state()) * 10, 1e-15);
    }

    @Test
    void badSettingsAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> trainer().withEpochs(0));
        assertEquals("Trainer: epochs = 0, batch size = 16 and checkpoint interval = 1 must all be at least 1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new LabeledData(Tensor.zeros(3, 2), new int[] {1, 2}));
        assertEquals("LabeledData: 2 labels for inputs of shape [3, 2]; need one label per row", e.getMessage());
    }
}
