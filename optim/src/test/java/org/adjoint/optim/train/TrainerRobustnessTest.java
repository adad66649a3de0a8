package org.adjoint.optim.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.adjoint.autodiff.Losses;
import org.adjoint.autodiff.Var;
import org.adjoint.nn.layers.Activation;
import org.adjoint.nn.layers.Mlp;
import org.adjoint.nn.layers.Sequential;
import org.adjoint.optim.Optimizer;
import org.adjoint.optim.rules.Adam;
import org.junit.jupiter.api.Test;

/** The training loop against a new user's mistakes and hostile inputs (issue 17). */
class TrainerRobustnessTest {

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
}
