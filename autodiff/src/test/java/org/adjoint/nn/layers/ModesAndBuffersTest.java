package org.adjoint.nn.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.adjoint.autodiff.Var;
import org.adjoint.core.NamedTensors;
import org.adjoint.core.Tensor;
import org.adjoint.nn.Context;
import org.adjoint.nn.Forward;
import org.adjoint.nn.ModelState;
import org.adjoint.nn.Variables;
import org.adjoint.nn.io.ParameterFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The training/evaluation switch, dropout's seeded masks, and buffers through passes and files. */
class ModesAndBuffersTest {

    private static final Tensor X = Tensor.randomNormal(3, 8, 4);

    private static Sequential net() {
        return Sequential.of(new Affine(4, 6), new BatchNorm1d(6), Activation.RELU, new Dropout(0.5), new Affine(6, 3),
                new Dropout(0.5));
    }

    @Test
    void sequentialNamesLayersWithBuffersAndDeclaresTheirBuffers() {
        Sequential s = Sequential.of(new BatchNorm1d(2, 1e-5, 0.1, false), new Dropout(0.1), new Affine(2, 1));
        assertEquals(List.of("layer1.running_mean", "layer1.running_var", "layer1.num_batches_tracked"),
                s.initializeBuffers().names());
        assertEquals(List.of("layer2.weight", "layer2.bias"), s.initialize(0).names());
    }

    @Test
    void dropoutIsReproducibleForASeedDifferentAcrossSeedsAndOffInEvaluation() {
        Var x = Var.constant(Tensor.ones(50, 20));
        Dropout d = new Dropout(0.3);
        Tensor a = d.forward(NONE, x, Context.training(11, empty())).output().value();
        Tensor b = d.forward(NONE, x, Context.training(11, empty())).output().value();
        Tensor c = d.forward(NONE, x, Context.training(12, empty())).output().value();
        assertEquals(a, b);
        assertNotEquals(a, c);
        for (double v : a.toArray()) {
            assertTrue(v == 0 || v == 1 / 0.7, "inverted scaling: " + v);
        }
        double kept = a.gt(0.5).sum().item() / a.size();
        assertEquals(0.7, kept, 0.05);
        assertEquals(x.value(), d.forward(NONE, x, Context.evaluation()).output().value());
        assertEquals(x.value(), d.forward(NONE, x).value());
    }

    @Test
    void dropoutWithPZeroKeepsEverythingAndWithPOneDropsEverything() {
        Var x = Var.param(Tensor.randomNormal(2, 6, 5));
        assertEquals(x.value(), x.dropout(0, 3).value());
        assertEquals(Tensor.zeros(6, 5), x.dropout(1, 3).value().abs(), "zeros, signed as x");
        Tensor grad = org.adjoint.autodiff.Backward.of(x.dropout(0.4, 3).sum()).gradients(x)[0];
        assertEquals(org.adjoint.autodiff.ops.DropoutMask.of(x.shape(), 0.4, 3), grad, "the gradient is the mask");
    }

    @Test
    void twoDropoutLayersOfOnePassDrawDifferentMasks() {
        Sequential s = Sequential.of(new Dropout(0.5), Activation.RELU, new Dropout(0.5));
        Tensor ones = Tensor.ones(40, 10);
        Tensor both = s.forward(Variables.constants(empty()), Var.constant(ones), Context.training(5, empty())).output().value();
        Tensor first = new Dropout(0.5).forward(NONE, Var.constant(ones), Context.training(5, empty()).child(0))
                .output().value();
        Tensor second = new Dropout(0.5).forward(NONE, Var.constant(ones), Context.training(5, empty()).child(2))
                .output().value();
        assertNotEquals(first, second);
        assertEquals(first.mul(second), both);
    }

    @Test
    void trainingAndEvaluationDifferAndOnlyTrainingUpdatesTheRunningStatistics() {
        Sequential s = net();
        ModelState state = ModelState.initialize(s, 1);
        Variables vars = Variables.constants(state.params());
        Forward train = s.forward(vars, Var.constant(X), Context.training(9, state.buffers()));
        Forward eval = s.forward(vars, Var.constant(X), Context.evaluation(state.buffers()));
        assertNotEquals(train.output().value(), eval.output().value());
        assertEquals(0, eval.updates().count());
        assertEquals(List.of("layer2.running_mean", "layer2.running_var", "layer2.num_batches_tracked"), train.updates().names());
        assertEquals(1.0, train.updates().get("layer2.num_batches_tracked").item());
        assertEquals(eval.output().value(), s.in(Context.evaluation(state.buffers())).forward(vars, Var.constant(X)).value());
        assertEquals(ModelState.initialize(s, 1), state, "the pass changed nothing it was given");
    }

    @Test
    void batchNormRunningMeanConvergesToTheDataMeanOverSteps() {
        BatchNorm1d bn = new BatchNorm1d(4);
        NamedTensors params = bn.initialize(0);
        NamedTensors buffers = bn.initializeBuffers();
        Tensor data = X.add(3);
        for (int step = 0; step < 200; step++) {
            buffers = bn.forward(Variables.constants(params), Var.constant(data), Context.training(step, buffers)).applyTo(buffers);
        }
        Tensor mean = data.mean(0);
        for (int c = 0; c < 4; c++) {
            assertEquals(mean.get(c), buffers.get("running_mean").get(c), 1e-6);
        }
        assertEquals(200.0, buffers.get("num_batches_tracked").item());
        Tensor y = bn.forward(Variables.constants(params), Var.constant(data), Context.evaluation(buffers)).output().value();
        for (int c = 0; c < 4; c++) {
            assertEquals(0, y.mean(0).get(c), 1e-6, "evaluation with converged statistics centres the data");
        }
    }

    @Test
    void buffersRoundTripThroughAParameterFileBitForBit(@TempDir Path dir) throws Exception {
        Sequential s = net();
        ModelState state = ModelState.initialize(s, 4);
        Forward pass = s.forward(Variables.constants(state.params()), Var.constant(X), Context.training(1, state.buffers()));
        ModelState trained = state.after(pass);
        Path file = dir.resolve("model.npz");
        ParameterFile.save(file, trained);
        assertEquals(trained, ParameterFile.load(file, ModelState.initialize(s, 0)));
        assertEquals(trained.merged(), ParameterFile.read(file));
        assertThrows(IllegalArgumentException.class, () -> ParameterFile.load(file,
                ModelState.initialize(Sequential.of(new Affine(4, 6)), 0)));
        assertTrue(Files.size(file) > 0);
    }

    @Test
    void batchNormRefusesToRunWithoutAContextOrWithTheWrongInput() {
        BatchNorm2d bn = new BatchNorm2d(3);
        Variables vars = Variables.constants(bn.initialize(0));
        Var x = Var.constant(Tensor.ones(2, 3, 2, 2));
        IllegalStateException noContext = assertThrows(IllegalStateException.class, () -> bn.forward(vars, x));
        assertTrue(noContext.getMessage().contains("BatchNorm2d"), noContext.getMessage());
        IllegalArgumentException channels = assertThrows(IllegalArgumentException.class, () -> bn.forward(vars,
                Var.constant(Tensor.ones(2, 4, 2, 2)), Context.evaluation(bn.initializeBuffers())));
        assertTrue(channels.getMessage().contains("[N, 3, H, W]") && channels.getMessage().contains("[2, 4, 2, 2]"),
                channels.getMessage());
        IllegalArgumentException single = assertThrows(IllegalArgumentException.class, () -> new BatchNorm1d(3).forward(
                Variables.constants(new BatchNorm1d(3).initialize(0)), Var.constant(Tensor.ones(1, 3)),
                Context.training(0, new BatchNorm1d(3).initializeBuffers())));
        assertTrue(single.getMessage().contains("more than 1 value per channel"), single.getMessage());
        IllegalArgumentException buffers = assertThrows(IllegalArgumentException.class, () -> bn.forward(vars, x,
                Context.evaluation()));
        assertTrue(buffers.getMessage().contains("running_mean"), buffers.getMessage());
    }

    @Test
    void layersValidateTheirArguments() {
        assertThrows(IllegalArgumentException.class, () -> new Dropout(1.5));
        assertThrows(IllegalArgumentException.class, () -> new BatchNorm2d(0));
        assertThrows(IllegalArgumentException.class, () -> new BatchNorm2d(3, 1e-5, 1.5, true));
        assertThrows(IllegalArgumentException.class, () -> new LayerNorm(org.adjoint.core.Shape.of(3), -1, true));
        assertThrows(IllegalArgumentException.class, () -> new Embedding(0, 3));
        Embedding e = new Embedding(4, 2);
        Variables vars = Variables.constants(e.initialize(0));
        IllegalArgumentException outside = assertThrows(IllegalArgumentException.class, () ->
                e.forward(vars, Var.constant(Tensor.vector(1, 4))));
        assertTrue(outside.getMessage().contains("index 4 at position 1"), outside.getMessage());
        assertThrows(IllegalArgumentException.class, () -> e.forward(vars, Var.constant(Tensor.vector(0.5))));
        IllegalArgumentException ln = assertThrows(IllegalArgumentException.class, () -> new LayerNorm(3, 4)
                .forward(Variables.constants(new LayerNorm(3, 4).initialize(0)), Var.constant(Tensor.ones(2, 4, 3))));
        assertTrue(ln.getMessage().contains("[3, 4]"), ln.getMessage());
        assertEquals("Dropout[p=0.5]", new Dropout(0.5).toString());
        assertEquals(new BatchNorm2d(3), new BatchNorm2d(3, 1e-5, 0.1, true));
    }

    private static final Variables NONE = Variables.constants(NamedTensors.of(java.util.Map.of()));

    private static NamedTensors empty() {
        return NamedTensors.of(java.util.Map.of());
    }
}
