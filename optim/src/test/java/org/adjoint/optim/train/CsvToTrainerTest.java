package org.adjoint.optim.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.adjoint.autodiff.Losses;
import org.adjoint.autodiff.Var;
import org.adjoint.core.NamedTensors;
import org.adjoint.core.data.Csv;
import org.adjoint.core.data.Examples;
import org.adjoint.core.data.Splits;
import org.adjoint.nn.Predictions;
import org.adjoint.nn.layers.Activation;
import org.adjoint.nn.layers.Mlp;
import org.adjoint.nn.layers.Sequential;
import org.adjoint.optim.Optimizer;
import org.adjoint.optim.rules.Adam;
import org.junit.jupiter.api.Test;

/** Data in, model out: the Iris CSV read, split, standardized on its training part, and trained on. */
class CsvToTrainerTest {

    @Test
    void irisFromCsvTrainsToHighTestAccuracy() throws Exception {
        Path file = Path.of(CsvToTrainerTest.class.getResource("/data/iris.csv").toURI());
        Examples all = Csv.withHeader().label(-1).read(file);
        assertEquals(150, all.size());
        Splits parts = Splits.of(all, 0.2, 0.2, 42).standardized();
        LabeledData train = LabeledData.of(parts.train());
        Sequential net = Mlp.of(Activation.TANH, 4, 8, 3);
        BatchLoss<LabeledData> loss = (p, batch) ->
                Losses.softmaxCrossEntropy(net.forward(p, Var.constant(batch.inputs())), batch.labels());
        Trainer trainer = Trainer.of(Optimizer.of(new Adam(0.05))).withEpochs(40).withBatchSize(16).withSeed(3)
                .withProgress(Progress.silent());
        NamedTensors fitted = trainer.fit(net.initialize(1), train, loss).model();
        double accuracy = Predictions.accuracy(net, fitted, parts.test().features(), parts.test().labels());
        assertTrue(accuracy >= 0.9, "test accuracy " + accuracy);
    }
}
