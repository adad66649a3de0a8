package org.adjoint.optim.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.adjoint.autodiff.Losses;
import org.adjoint.autodiff.Var;
import org.adjoint.core.NamedTensors;
import org.adjoint.nn.Variables;
import org.adjoint.nn.layers.Activation;
import org.adjoint.nn.layers.Mlp;
import org.adjoint.nn.layers.Sequential;
import org.adjoint.optim.LossAndGradient;
import org.adjoint.optim.Optimizer;
import org.adjoint.optim.OptimizerState;
import org.adjoint.optim.Step;
import org.adjoint.optim.rules.Sgd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Trainer with a sharpness-aware optimizer: both passes on the batch, in parallel parts, checkpointed. */
class SharpnessAwareTrainerTest {

    @TempDir
    Path dir;

    private static final Sequential NET = Mlp.of(Activation.TANH, 4, 8, 3);
    private static final LabeledData DATA = TrainerTest.blobs(90, 5);
    private static final BatchLoss<LabeledData> MEAN = (p, batch) ->
            Losses.softmaxCrossEntropy(NET.forward(p, Var.constant(batch.inputs())), batch.labels());
    private static final Optimizer SAM = Optimizer.of(new Sgd(0.1, 0.9)).withSharpnessAware(0.05);

    private static Trainer trainer() {
        return Trainer.of(SAM).withEpochs(4).withBatchSize(16).withSeed(3).withProgress(Progress.silent());
    }

    @Test
    void theTrainersStepsAreTheOptimizersSamStepsOnEachBatch() {
        NamedTensors start = NET.initialize(1);
        Trainer.Run run = trainer().withEpochs(1).fit(start, DATA, MEAN);
        MinibatchSampler sampler = new MinibatchSampler(DATA.size(), 16, 3, false);
        NamedTensors params = start;
        OptimizerState state = SAM.init(params);
        for (int[] batch : sampler.batches(0)) {
            LossAndGradient f = p -> {
                Variables v = Variables.track(p);
                Var loss = MEAN.loss(v, DATA.batch(batch));
                return new LossAndGradient.Value(loss.item(), v.gradients(loss));
            };
            Step step = SAM.step(params, f, state).step();
            params = step.params();
            state = step.state();
        }
        assertEquals(params, run.params());
        Trainer.Run plain = Trainer.of(Optimizer.of(new Sgd(0.1, 0.9))).withEpochs(1).withBatchSize(16).withSeed(3)
                .withProgress(Progress.silent()).fit(start, DATA, MEAN);
        assertNotEquals(plain.params(), run.params(), "SAM is not the base rule");
    }

    @Test
    void aNonFiniteLossAtThePerturbedPointStopsTrainingAndKeepsTheParametersBeforeTheStep() {
        int[] calls = {0};
        BatchLoss<LabeledData> breaksAtTheFourthEvaluation = (p, batch) -> {
            Var loss = MEAN.loss(p, batch);
            return ++calls[0] == 4 ? loss.mul(Double.NaN) : loss;
        };
        NamedTensors start = NET.initialize(1);
        Trainer.Run oneStep = trainer().withEpochs(1).withBatchSize(90).fit(start, DATA, MEAN);
        TrainingDivergedException e = org.junit.jupiter.api.Assertions.assertThrows(TrainingDivergedException.class,
                () -> trainer().withEpochs(2).withBatchSize(90).fit(start, DATA, breaksAtTheFourthEvaluation));
        assertEquals("training diverged at epoch 2, step 1: the loss is NaN; the last finite parameters are kept",
                e.getMessage());
        assertEquals(oneStep.params(), e.lastFiniteParameters(), "the second pass of step 2 failed: θ after step 1");
        assertEquals(1, e.history().stepLosses().length);
    }

    @Test
    void samTrainsAndIsBitReproducibleWithDataParallelism() {
        Trainer.Run three = trainer().withDataParallelism(3).fit(NET.initialize(1), DATA, MEAN);
        Trainer.Run again = trainer().withDataParallelism(3).fit(NET.initialize(1), DATA, MEAN);
        Trainer.Run single = trainer().fit(NET.initialize(1), DATA, MEAN);
        double[] losses = three.history().epochLosses();
        assertTrue(losses[3] < losses[0] / 2, Arrays.toString(losses));
        assertEquals(three.params(), again.params());
        assertArrayEquals(single.params().flatten().toArray(), three.params().flatten().toArray(), 1e-10);
    }

    @Test
    void aResumedSamRunEndsBitForBitWhereAnUninterruptedOneEnds() throws IOException {
        NamedTensors start = NET.initialize(2);
        Trainer t = trainer().withEpochs(5).withDataParallelism(2);
        Trainer.Run straight = t.fit(start, DATA, MEAN);
        Path file = dir.resolve("sam.npz");
        t.withEpochs(2).withCheckpoints(file, 1).fit(start, DATA, MEAN);
        Trainer.Run resumed = t.resume(file, start, DATA, MEAN);
        assertEquals(straight.params(), resumed.params());
        assertEquals(straight.state().step(), resumed.state().step());
        assertArrayEquals(straight.history().stepLosses(), resumed.history().stepLosses());
    }
}
