package org.adjoint.optim.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.adjoint.autodiff.Losses;
import org.adjoint.autodiff.Var;
import org.adjoint.core.NamedTensors;
import org.adjoint.core.Tensor;
import org.adjoint.nn.layers.Activation;
import org.adjoint.nn.layers.Mlp;
import org.adjoint.nn.layers.Sequential;
import org.adjoint.optim.Optimizer;
import org.adjoint.optim.checkpoint.Checkpoint;
import org.adjoint.optim.UpdateRule;
import org.adjoint.optim.rules.AdaGrad;
import org.adjoint.optim.rules.Adam;
import org.adjoint.optim.rules.RmsProp;
import org.adjoint.optim.rules.Sgd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The training loop against a new user's mistakes and hostile inputs (issue 17). */
class TrainerRobustnessTest {

    @TempDir
    Path dir;

    private static final Sequential NET = Mlp.of(Activation.TANH, 4, 8, 3);
    private static final LabeledData DATA = TrainerTest.blobs(30, 5);
    private static final BatchLoss<LabeledData> LOSS = (p, batch) ->
            Losses.softmaxCrossEntropy(NET.forward(p, Var.constant(batch.inputs())), batch.labels());

    private static Trainer trainer() {
        return Trainer.of(Optimizer.of(new Adam(0.05))).withEpochs(3).withBatchSize(8).withSeed(3)
                .withProgress(Progress.silent());
    }

    @Test
    void aBatchSizeLargerThanTheDataTrainsOnOneShortBatchPerEpoch() {
        Trainer.Run run = trainer().withBatchSize(1000).fit(NET.initialize(1), DATA, LOSS);
        assertEquals(3, run.history().stepLosses().length);
        assertEquals(3, run.state().step());
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, -1, 1.5, 4, 1e300, Double.POSITIVE_INFINITY})
    void resumeRefusesAnEpochCounterThatIsNotAnEpochOfThisRun(double epoch) throws IOException {
        Trainer t = trainer();
        Optimizer optimizer = Optimizer.of(new Adam(0.05));
        NamedTensors params = NET.initialize(1);
        Path file = dir.resolve("forged.npz");
        Checkpoint.save(file, optimizer, params, optimizer.init(params), Map.of("epoch", epoch));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.resume(file, params, DATA, LOSS));
        assertEquals("resume: " + file + " holds the epoch counter " + epoch + ", but a run of 3 epochs can only be"
                + " resumed after a whole number of epochs from 0 to 3", e.getMessage());
    }

    @Test
    void resumingARunThatIsAlreadyCompleteTakesNoStep() throws IOException {
        Path file = dir.resolve("done.npz");
        Trainer t = trainer().withCheckpoints(file, 1);
        Trainer.Run done = t.fit(NET.initialize(1), DATA, LOSS);
        Trainer.Run again = t.resume(file, NET.initialize(1), DATA, LOSS);
        assertEquals(done.params(), again.params());
        assertEquals(done.state().step(), again.state().step(), "no step taken");
        assertArrayEquals(done.history().stepLosses(), again.history().stepLosses(), "the checkpoint's history, unchanged");
    }

    @Test
    void aCheckpointThatCannotBeWrittenStopsTrainingButKeepsWhatWasTrained() throws IOException {
        Path blocker = Files.writeString(dir.resolve("blocker"), "a file where a directory should be");
        Path file = blocker.resolve("checkpoint.npz");
        NamedTensors start = NET.initialize(2);
        Trainer.Run oneEpoch = trainer().withEpochs(1).fit(start, DATA, LOSS);

        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> trainer().withCheckpoints(file, 1).fit(start, DATA, LOSS));
        CheckpointFailedException failed = assertInstanceOf(CheckpointFailedException.class, e);
        assertTrue(e.getMessage().startsWith("checkpoint after epoch 1 to " + file + " failed; training stopped there,"
                + " and this exception carries the parameters and optimizer state after epoch 1"), e.getMessage());
        assertEquals(oneEpoch.params(), failed.params(), "bit for bit the parameters after epoch 1");
        assertEquals(oneEpoch.state().step(), failed.state().step());
        assertEquals(1, failed.epochsDone());
        assertEquals(1, failed.history().epochLosses().length);
        assertInstanceOf(IOException.class, e.getCause());
    }

    /** The data with {@code value} at {@code inputs[row, column]}. */
    private static LabeledData withValueAt(int row, int column, double value) {
        double[] x = DATA.inputs().toArray();
        x[row * 4 + column] = value;
        return new LabeledData(Tensor.of(DATA.inputs().shape(), x), DATA.labels());
    }

    @Test
    void nonFiniteInputDataIsReportedAsSuchNamingTheValueAndWhereItIsNotAsDivergence() {
        int step = 0;
        int[][] batches = new MinibatchSampler(30, 8, 3, false).batches(0);
        while (java.util.Arrays.stream(batches[step]).noneMatch(i -> i == 17)) {
            step++;
        }
        int rowInBatch = java.util.Arrays.stream(batches[step]).boxed().toList().indexOf(17);
        for (double bad : new double[] {Double.NaN, Double.NEGATIVE_INFINITY}) {
            LabeledData data = withValueAt(17, 2, bad);
            NonFiniteDataException e = assertThrows(NonFiniteDataException.class,
                    () -> trainer().fit(NET.initialize(1), data, LOSS));
            String why = Double.isNaN(bad) ? "the loss is NaN" : "the gradient of layer1.weight is not finite";
            assertEquals("training stopped at epoch 1, step " + (step + 1) + ": " + why + ", and this step's batch"
                    + " holds inputs[17, 2] = " + bad + " (row " + rowInBatch + " of the batch): the data is not finite;"
                    + " clean or impute it", e.getMessage());
            assertEquals(step, e.history().stepLosses().length);
            assertEquals(NET.initialize(1).names(), e.lastParameters().names());
        }
    }

    @Test
    void labeledDataSaysWhereABatchHoldsANonFiniteValueAtAnyRank() {
        assertEquals(null, DATA.nonFinite(new int[] {0, 1, 2}));
        LabeledData images = new LabeledData(Tensor.of(org.adjoint.core.Shape.of(3, 2, 2),
                new double[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, Double.POSITIVE_INFINITY}), new int[] {0, 1, 2});
        assertEquals("inputs[2, 1, 1] = Infinity (row 0 of the batch)", images.nonFinite(new int[] {2, 0}));
        assertEquals(null, images.nonFinite(new int[] {0, 1}));
        LabeledData scalars = new LabeledData(Tensor.vector(1, Double.NaN), new int[] {0, 1});
        assertEquals("inputs[1] = NaN (row 1 of the batch)", scalars.nonFinite(new int[] {0, 1}));
    }

    static java.util.List<Object[]> adaptiveRules() {
        return java.util.List.of(new Object[] {new Adam(0.05), "Adam", "exp_avg_sq"},
                new Object[] {new RmsProp(0.01), "RmsProp", "square_avg"}, new Object[] {new AdaGrad(0.1), "AdaGrad", "sum"});
    }

    /** The loss, scaled by 1e200 at the third step: a huge gradient whose square overflows, but finite. */
    private static BatchLoss<LabeledData> hugeAtStep3() {
        int[] calls = {0};
        return (p, batch) -> ++calls[0] == 3 ? LOSS.loss(p, batch).mul(1e200) : LOSS.loss(p, batch);
    }

    @ParameterizedTest
    @MethodSource("adaptiveRules")
    void anOptimizerStateThatOverflowsStopsTrainingNamingTheRuleSlotAndElement(UpdateRule<?> rule, String name, String slot) {
        Trainer t = Trainer.of(Optimizer.of(rule)).withEpochs(2).withBatchSize(8).withSeed(3).withProgress(Progress.silent());
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class, () -> t.fit(NET.initialize(1), DATA,
                hugeAtStep3()));
        assertTrue(e.getMessage().matches("training diverged at epoch 1, step 3: the step overflowed " + name + "'s state: "
                + slot + " of [a-z0-9.]+ is Infinity at element \\[[0-9, ]+\\] \\(the gradient there was -?[0-9.]+E[0-9]+\\),"
                + " so that element would never move again \\(as in PyTorch\\); lower the learning rate or clip the"
                + " gradients \\(Optimizer.withClipping\\); the last parameters with a finite state are kept"), e.getMessage());
        assertEquals(2, e.history().stepLosses().length);
        assertTrue(e.lastFiniteParameters().flatten().isFinite());
    }

    @Test
    void aHugeFiniteGradientIsFineForARuleWhoseStateStaysFinite() {
        Trainer t = Trainer.of(Optimizer.of(new Sgd(1e-210))).withEpochs(1).withBatchSize(8).withProgress(Progress.silent());
        assertEquals(4, t.fit(NET.initialize(1), DATA, hugeAtStep3()).history().stepLosses().length);
    }
}
