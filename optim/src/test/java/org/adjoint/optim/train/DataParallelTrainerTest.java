package org.adjoint.optim.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.adjoint.autodiff.Losses;
import org.adjoint.autodiff.Var;
import org.adjoint.core.NamedTensors;
import org.adjoint.nn.layers.Activation;
import org.adjoint.nn.layers.Mlp;
import org.adjoint.nn.layers.Sequential;
import org.adjoint.optim.Optimizer;
import org.adjoint.optim.rules.Adam;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataParallelTrainerTest {

    private static final Sequential NET = Mlp.of(Activation.TANH, 4, 8, 3);
    private static final LabeledData DATA = TrainerTest.blobs(90, 5);
    private static final BatchLoss<LabeledData> MEAN = (p, batch) ->
            Losses.softmaxCrossEntropy(NET.forward(p, Var.constant(batch.inputs())), batch.labels())
                    .add(p.get("layer1.weight").square().sum().mul(1e-3));

    private static Trainer trainer() {
        return Trainer.of(Optimizer.of(new Adam(0.05))).withEpochs(3).withBatchSize(16).withSeed(3)
                .withProgress(Progress.silent());
    }

    @Test
    void aBatchSplitInPartsHasTheWholeBatchsLossAndGradient() {
        NamedTensors params = NET.initialize(2);
        int[] batch = {4, 8, 15, 16, 23, 42, 7, 1, 88, 60, 31};
        DataParallel whole = DataParallel.of(params, DATA, batch, MEAN, 1, false);
        for (int k : new int[] {2, 3, 4, 11, 20}) {
            DataParallel split = DataParallel.of(params, DATA, batch, MEAN, k, false);
            assertEquals(whole.loss(), split.loss(), 1e-12 * whole.loss(), "k = " + k);
            assertArrayEquals(whole.gradients().flatten().toArray(), split.gradients().flatten().toArray(), 1e-12, "k = " + k);
        }
    }

    @Test
    void trainingWithPartsFollowsSingleThreadedTrainingAndRepeatsItsBits() {
        Trainer.Run single = trainer().fit(NET.initialize(1), DATA, MEAN);
        Trainer.Run three = trainer().withDataParallelism(3).fit(NET.initialize(1), DATA, MEAN);
        Trainer.Run again = trainer().withDataParallelism(3).fit(NET.initialize(1), DATA, MEAN);
        assertArrayEquals(single.params().flatten().toArray(), three.params().flatten().toArray(), 1e-9);
        assertArrayEquals(single.history().stepLosses(), three.history().stepLosses(), 1e-9);
        assertTrue(Arrays.equals(three.params().flatten().toArray(), again.params().flatten().toArray()),
                "two runs with 3 parts differ");
        assertTrue(Arrays.equals(three.history().stepLosses(), again.history().stepLosses()));
    }

    @Test
    void aResumedRunWithPartsEndsOnTheBitsOfAnUnbrokenOne(@TempDir Path dir) throws IOException {
        Trainer t = trainer().withDataParallelism(3);
        Trainer.Run straight = t.fit(NET.initialize(2), DATA, MEAN);
        Path file = dir.resolve("checkpoint.npz");
        t.withEpochs(1).withCheckpoints(file, 1).fit(NET.initialize(2), DATA, MEAN);
        Trainer.Run resumed = t.resume(file, NET.initialize(2), DATA, MEAN);
        assertTrue(Arrays.equals(straight.params().flatten().toArray(), resumed.params().flatten().toArray()));
    }

    @Test
    void batchesSmallerThanThePartCountAreSplitIntoSingleExamples() {
        Trainer.Run run = trainer().withBatchSize(88).withEpochs(1).withDataParallelism(4).fit(NET.initialize(1), DATA, MEAN);
        assertEquals(2, run.history().stepLosses().length, "a batch of 88 and a last batch of 2 examples in 2 parts");
    }

    @Test
    void aSummedLossIsRefusedNamingBothValues() {
        BatchLoss<LabeledData> summed = (p, batch) -> MEAN.loss(p, batch).mul(batch.size());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> trainer().withDataParallelism(2).fit(NET.initialize(1), DATA, summed));
        assertTrue(e.getMessage().startsWith("Trainer.withDataParallelism(2): the batch loss must be a mean over the batch's"
                + " examples, but the first batch's loss is "), e.getMessage());
        assertTrue(e.getMessage().contains(" while the examples-weighted mean of its 2 parts' losses is "), e.getMessage());
        assertTrue(e.getMessage().endsWith("; divide a summed loss by the batch's size"), e.getMessage());
    }

    @Test
    void aPartCountBelowOneIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> trainer().withDataParallelism(0));
        assertEquals("Trainer.withDataParallelism: need at least 1 part per batch, got 0", e.getMessage());
    }
}
