package org.adjoint.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.adjoint.autodiff.Losses;
import org.adjoint.autodiff.Var;
import org.adjoint.core.NamedTensors;
import org.adjoint.core.Tensor;
import org.adjoint.nn.io.ParameterFile;
import org.adjoint.nn.layers.Activation;
import org.adjoint.nn.layers.Mlp;
import org.adjoint.nn.layers.Sequential;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's model section, verbatim, with checks of what it promises. */
class ReadmeModelTest {

    @TempDir
    Path dir;

    @Test
    void defineTrainAndSaveAModel() throws IOException {
        // Ten well-separated classes of 64-feature examples: each class has its own mean.
        Tensor means = Tensor.randomNormal(5, 10, 64).mul(2);
        int[] labels = new int[200];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i % 10;
        }
        Tensor images = Tensor.oneHot(labels, 10).matmul(means).add(Tensor.randomNormal(6, 200, 64));
        Path file = dir.resolve("digits-mlp.npz");

        // A model in plain Java: a two-layer network whose parameters are layer1.weight, layer1.bias, …
        Sequential net = Mlp.of(Activation.RELU, 64, 32, 10);
        NamedTensors params = net.initialize(42);                      // seeded He initialization
        Model custom = (p, x) -> x.matmul(p.get("W").transpose()).add(p.get("b")).tanh();   // or any Var code

        double firstLoss = Double.NaN;
        for (int step = 0; step < 100; step++) {
            Variables vars = Variables.track(params);                  // record this step's graph
            Var scores = net.forward(vars, Var.constant(images));
            Var loss = Losses.softmaxCrossEntropy(scores, labels).add(Losses.l2(vars.get("layer1.weight"), 1e-4));
            NamedTensors grads = vars.gradients(loss);                 // same names and shapes as params
            params = params.zip(grads, (w, g) -> w.sub(g.mul(0.1)));   // plain gradient descent
            firstLoss = step == 0 ? loss.item() : firstLoss;
        }
        double accuracy = Predictions.accuracy(net, params, images, labels);   // evaluation records nothing
        ParameterFile.save(file, params);                              // numpy.load(file)["layer1.weight"]
        NamedTensors restored = ParameterFile.load(file, params);      // checks names and shapes

        assertTrue(accuracy > 0.95, "accuracy " + accuracy + " after a loss of " + firstLoss);
        assertEquals(params, restored);
        NamedTensors customParams = NamedTensors.of(java.util.Map.of("W", Tensor.ones(3, 64), "b", Tensor.zeros(3)));
        assertEquals(org.adjoint.core.Shape.of(200, 3), custom.forward(Variables.constants(customParams), Var.constant(images)).shape());
    }
}
