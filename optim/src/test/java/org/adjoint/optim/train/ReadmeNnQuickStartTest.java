package org.adjoint.optim.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.adjoint.autodiff.Losses;
import org.adjoint.autodiff.Var;
import org.adjoint.core.NamedTensors;
import org.adjoint.core.Tensor;
import org.adjoint.nn.Predictions;
import org.adjoint.nn.io.ParameterFile;
import org.adjoint.nn.layers.Activation;
import org.adjoint.nn.layers.Mlp;
import org.adjoint.nn.layers.Sequential;
import org.adjoint.optim.Optimizer;
import org.adjoint.optim.rules.Adam;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's nn quick start, verbatim (here in the optim module, which holds the {@link Trainer}):
 * a small network learns three Gaussian classes it has not seen, and its parameter file reads back.
 */
class ReadmeNnQuickStartTest {

    @Test
    void theQuickStartTrainsSavesAndLoads(@TempDir Path dir) throws IOException {
        LabeledData train = TrainerTest.blobs(300, 1);
        LabeledData test = TrainerTest.blobs(150, 2);
        Tensor trainX = train.inputs();
        int[] trainY = train.labels();
        Tensor testX = test.inputs();
        int[] testY = test.labels();
        Path file = dir.resolve("net.npz");

        // A 4-16-3 classifier: trainX is n×4, trainY an int[n] of classes 0..2 (testX, testY likewise).
        Sequential net = Mlp.of(Activation.RELU, 4, 16, 3);
        BatchLoss<LabeledData> loss = (p, batch) ->
                Losses.softmaxCrossEntropy(net.forward(p, Var.constant(batch.inputs())), batch.labels());
        Trainer.Run run = Trainer.of(Optimizer.of(new Adam(1e-2))).withEpochs(20).withBatchSize(32).withSeed(7)
                .fit(net.initialize(42), new LabeledData(trainX, trainY), loss);
        double accuracy = Predictions.accuracy(net, run.params(), testX, testY);
        ParameterFile.save(file, run.params());                    // NumPy .npz: numpy.load(file)["layer1.weight"]
        NamedTensors restored = ParameterFile.load(file, net.initialize(0));   // checks names and shapes

        double untrained = Predictions.accuracy(net, net.initialize(42), testX, testY);
        assertTrue(accuracy > 0.85 && accuracy > untrained + 0.2, "accuracy " + accuracy + ", untrained " + untrained);
        assertEquals(run.params(), restored);
    }
}
