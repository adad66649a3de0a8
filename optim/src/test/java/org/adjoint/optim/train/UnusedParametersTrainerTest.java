package org.adjoint.optim.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import org.adjoint.autodiff.Losses;
import org.adjoint.autodiff.Var;
import org.adjoint.core.NamedTensors;
import org.adjoint.core.Tensor;
import org.adjoint.optim.Optimizer;
import org.adjoint.optim.rules.Sgd;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, item 2: a loss that leaves a parameter out (a deliberately frozen layer) is refused by
 * default, naming the parameter, and trains with {@link Trainer#allowingUnusedParameters()}, where
 * the left-out parameter gets a zero gradient.
 */
class UnusedParametersTrainerTest {

    private static final LabeledData DATA = TrainerTest.blobs(24, 5);
    private static final NamedTensors PARAMS = NamedTensors.of(Map.of(
            "head.w", Tensor.randomNormal(1, 4, 3).mul(0.1), "frozen.w", Tensor.ones(4, 3)));
    /** Uses head.w only: frozen.w is left out on purpose. */
    private static final BatchLoss<LabeledData> LOSS = (p, batch) ->
            Losses.softmaxCrossEntropy(Var.constant(batch.inputs()).matmul(p.get("head.w")), batch.labels());

    private static Trainer trainer(Sgd rule) {
        return Trainer.of(Optimizer.of(rule)).withEpochs(2).withBatchSize(8).withProgress(Progress.silent());
    }

    @Test
    void aLeftOutParameterIsRefusedByDefaultNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> trainer(new Sgd(0.1)).fit(PARAMS, DATA, LOSS));
        assertTrue(e.getMessage().contains("frozen.w"), e.getMessage());
        assertFalse(e.getMessage().contains("head.w"), e.getMessage());
    }

    @Test
    void withTheOptInALeftOutParameterStaysUnchangedWhileTheOthersTrain() {
        for (int parts : new int[] {1, 2}) {
            Trainer.Run run = trainer(new Sgd(0.1, 0.9)).withDataParallelism(parts).allowingUnusedParameters()
                    .fit(PARAMS, DATA, LOSS);
            assertArrayEquals(PARAMS.get("frozen.w").toArray(), run.params().get("frozen.w").toArray(), 0.0);
            assertFalse(Arrays.equals(PARAMS.get("head.w").toArray(), run.params().get("head.w").toArray()));
        }
    }

    @Test
    void weightDecayStillShrinksALeftOutParameterAsItsGradientIsZeroNotAbsent() {
        Trainer.Run run = trainer(new Sgd(0.1, 0, 0, 0.5)).allowingUnusedParameters().fit(PARAMS, DATA, LOSS);
        double[] frozen = run.params().get("frozen.w").toArray();
        assertTrue(frozen[0] < 1, () -> Arrays.toString(frozen));
    }
}
