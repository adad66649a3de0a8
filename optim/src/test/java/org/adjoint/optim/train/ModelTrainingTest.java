package org.adjoint.optim.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.adjoint.autodiff.Losses;
import org.adjoint.autodiff.Var;
import org.adjoint.core.NamedTensors;
import org.adjoint.nn.Context;
import org.adjoint.nn.Forward;
import org.adjoint.nn.ModelState;
import org.adjoint.nn.Predictions;
import org.adjoint.nn.layers.Activation;
import org.adjoint.nn.layers.Affine;
import org.adjoint.nn.layers.BatchNorm1d;
import org.adjoint.nn.layers.Dropout;
import org.adjoint.nn.layers.Sequential;
import org.adjoint.optim.Optimizer;
import org.adjoint.optim.rules.Adam;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A model with dropout and batch normalization trained by a {@link Trainer} through {@link ModelTraining}. */
class ModelTrainingTest {

    @TempDir
    Path dir;

    private static final Sequential NET = Sequential.of(new Affine(4, 8), new BatchNorm1d(8), Activation.RELU,
            new Dropout(0.2), new Affine(8, 3));
    private static final LabeledData DATA = TrainerTest.blobs(90, 5);
    private static final ModelLoss<LabeledData> LOSS = (p, batch, ctx) -> {
        Forward f = NET.forward(p, Var.constant(batch.inputs()), ctx);
        return new Forward(Losses.softmaxCrossEntropy(f.output(), batch.labels()), f.updates());
    };
    private static final ModelTraining.ModelEvaluation ACCURACY = (epoch, model) -> Map.of("accuracy",
            Predictions.accuracy(NET.in(Context.evaluation(model.buffers())), model.params(), DATA.inputs(), DATA.labels()));

    private static Trainer trainer() {
        return Trainer.of(Optimizer.of(new Adam(0.05))).withEpochs(4).withBatchSize(16).withSeed(3)
                .withProgress(Progress.silent());
    }

    @Test
    void trainsUpdatesTheRunningStatisticsEveryStepAndEvaluatesInEvaluationMode() {
        ModelTraining.Result r = ModelTraining.fit(trainer(), ModelState.initialize(NET, 1), DATA, LOSS, ACCURACY);
        assertEquals(24.0, r.buffers().get("layer2.num_batches_tracked").item(), "one update per step");
        assertNotEquals(NET.initializeBuffers().get("layer2.running_mean"), r.buffers().get("layer2.running_mean"));
        assertTrue(r.run().history().evaluations().get(3).get("accuracy") > 0.8, r.run().history().evaluations().toString());
        assertEquals(r.buffers(), r.model().buffers());
    }

    @Test
    void runsAreReproducibleBitForBitAndTheSeedChangesTheMasks() {
        ModelTraining.Result a = ModelTraining.fit(trainer(), ModelState.initialize(NET, 1), DATA, LOSS, ACCURACY);
        ModelTraining.Result b = ModelTraining.fit(trainer(), ModelState.initialize(NET, 1), DATA, LOSS, ACCURACY);
        assertEquals(a.run().params(), b.run().params());
        assertEquals(a.buffers(), b.buffers());
        ModelTraining.Result c = ModelTraining.fit(trainer().withSeed(4), ModelState.initialize(NET, 1), DATA, LOSS, ACCURACY);
        assertNotEquals(a.run().params(), c.run().params());
    }

    @Test
    void eachStepDrawsADifferentDropoutMask() {
        List<NamedTensors> masks = new ArrayList<>();
        ModelLoss<LabeledData> recording = (p, batch, ctx) -> {
            masks.add(NamedTensors.of(Map.of("mask", new Dropout(0.5).forward(p, Var.constant(batch.inputs()), ctx)
                    .output().value())));
            return LOSS.loss(p, batch, ctx);
        };
        ModelTraining.fit(trainer().withEpochs(1).withBatchSize(90), ModelState.initialize(NET, 1), DATA, recording, ACCURACY);
        ModelTraining.fit(trainer().withEpochs(2).withBatchSize(90), ModelState.initialize(NET, 1), DATA, recording, ACCURACY);
        assertEquals(3, masks.size());
        assertEquals(masks.get(0), masks.get(1), "the same step of the same run");
        assertNotEquals(masks.get(1), masks.get(2), "the next step");
    }

    @Test
    void aResumedRunEndsBitForBitWhereAnUninterruptedRunEndsBuffersIncluded() throws IOException {
        Trainer t = trainer().withEpochs(5);
        ModelState start = ModelState.initialize(NET, 2);
        ModelTraining.Result straight = ModelTraining.fit(t, start, DATA, LOSS, ACCURACY);
        Path file = dir.resolve("checkpoint.npz");
        ModelTraining.fit(t.withEpochs(2).withCheckpoints(file, 1), start, DATA, LOSS, ACCURACY);
        ModelTraining.Result resumed = ModelTraining.resume(t, file, start, DATA, LOSS, ACCURACY);
        assertEquals(straight.run().params(), resumed.run().params());
        assertEquals(straight.buffers(), resumed.buffers());
        assertEquals(straight.run().history().evaluations(), resumed.run().history().evaluations());
    }

    @Test
    void dataParallelismIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelTraining.fit(
                trainer().withDataParallelism(2), ModelState.initialize(NET, 1), DATA, LOSS, ACCURACY));
        assertTrue(e.getMessage().contains("batch statistics"), e.getMessage());
    }
}
