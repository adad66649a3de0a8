package org.adjoint.optim.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.adjoint.autodiff.Losses;
import org.adjoint.autodiff.Var;
import org.adjoint.core.NamedTensors;
import org.adjoint.core.Tensor;
import org.adjoint.nn.layers.Activation;
import org.adjoint.nn.layers.Mlp;
import org.adjoint.nn.layers.Sequential;
import org.adjoint.optim.Optimizer;
import org.adjoint.optim.rules.Sgd;
import org.adjoint.optim.schedule.Schedule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The training loop with a schedule that monitors metrics: after each epoch the optimizer observes the
 * mean training loss and the evaluation's metrics, the plateau decides from them, and a run resumed
 * from a checkpoint takes the same decisions, bit for bit.
 */
class PlateauTrainerTest {

    private static final Sequential NET = Mlp.of(Activation.TANH, 4, 8, 3);
    private static final LabeledData DATA = TrainerTest.blobs(90, 5);
    private static final BatchLoss<LabeledData> LOSS = (p, batch) ->
            Losses.softmaxCrossEntropy(NET.forward(p, Var.constant(batch.inputs())), batch.labels());
    /** A validation metric by epoch: improves, stalls twice (a reduction), improves, stalls twice again. */
    private static final double[] VAL = {1.0, 0.9, 0.95, 0.97, 0.8, 0.85, 0.9};

    @TempDir
    Path dir;

    /** One epoch of linear warm-up (90 examples in batches of 16: 6 steps), then a plateau on "val". */
    private static Trainer trainer(int epochs) {
        Schedule schedule = Schedule.linear(0.2, 1, 6).then(6, Schedule.reduceOnPlateau("val").withPatience(1).withFactor(0.5));
        return Trainer.of(Optimizer.of(new Sgd(0.1, 0.9)).withSchedule(schedule)).withEpochs(epochs).withBatchSize(16)
                .withSeed(3).withProgress(Progress.silent()).withEvaluation((epoch, params) -> Map.of("val", VAL[epoch]));
    }

    @Test
    void aPlateauRunResumedFromACheckpointEqualsTheUninterruptedRunBitForBit() throws IOException {
        NamedTensors start = NET.initialize(2);
        Trainer.Run straight = trainer(7).fit(start, DATA, LOSS);
        assertEquals(0.5, straight.state().learningRateFactor(), "one reduction, after epoch 3 (0.95 and 0.97 after 0.9)");
        assertEquals(0.25, Schedule.linear(0.2, 1, 6).then(6, Schedule.reduceOnPlateau("val").withPatience(1).withFactor(0.5))
                .factor(straight.state().step(), straight.state().observations()), "the second, after the last epoch");

        Path file = dir.resolve("plateau.npz");
        trainer(3).withCheckpoints(file, 1).fit(start, DATA, LOSS);
        Trainer.Run resumed = trainer(7).resume(file, start, DATA, LOSS);

        assertEquals(straight.state().observations(), resumed.state().observations());
        assertArrayEquals(VAL, straight.state().observations().values("val"));
        assertEquals(straight.state().learningRateFactor(), resumed.state().learningRateFactor());
        for (String name : start.names()) {
            assertArrayEquals(bits(straight.params().get(name)), bits(resumed.params().get(name)), name);
        }
    }

    @Test
    void theTrainingLossIsObservedAsLossAndAMissingMonitoredMetricStopsTheRunNamingIt() {
        Optimizer onLoss = Optimizer.of(new Sgd(0.1)).withSchedule(Schedule.reduceOnPlateau("loss"));
        Trainer.Run run = Trainer.of(onLoss).withEpochs(3).withBatchSize(16).withProgress(Progress.silent())
                .fit(NET.initialize(1), DATA, LOSS);
        assertArrayEquals(run.history().epochLosses(), run.state().observations().values("loss"));
        assertEquals(18, run.state().observations().asList().get(2).step());

        Optimizer onAccuracy = Optimizer.of(new Sgd(0.1)).withSchedule(Schedule.reduceOnPlateau("accuracy").maximizing());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Trainer.of(onAccuracy).withEpochs(2)
                .withBatchSize(16).withProgress(Progress.silent()).fit(NET.initialize(1), DATA, LOSS));
        assertEquals("observe: the schedule reduceOnPlateau(\"accuracy\").maximizing() monitors accuracy, but the metrics"
                + " [loss] do not include it (observation after step 6)", e.getMessage());
    }

    private static long[] bits(Tensor t) {
        return Arrays.stream(t.toArray()).mapToLong(Double::doubleToRawLongBits).toArray();
    }
}
