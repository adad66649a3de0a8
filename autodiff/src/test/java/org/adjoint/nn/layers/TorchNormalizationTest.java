package org.adjoint.nn.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.adjoint.autodiff.Var;
import org.adjoint.core.NamedTensors;
import org.adjoint.core.Tensor;
import org.adjoint.core.io.Npz;
import org.adjoint.nn.Context;
import org.adjoint.nn.Forward;
import org.adjoint.nn.Layer;
import org.adjoint.nn.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Embedding, layer norm and batch norm (training pass, running statistics, evaluation pass) against
 * PyTorch 1.13's values and gradients in {@code torch/norm_1_13.npz}, written by
 * {@code examples/src/main/python/torch_norm_reference.py}.
 */
class TorchNormalizationTest {

    private static final double TOLERANCE = 1e-12;
    private static Map<String, Tensor> reference;

    @BeforeAll
    static void load() throws Exception {
        reference = Npz.read(Path.of(TorchNormalizationTest.class.getResource("/torch/norm_1_13.npz").toURI()));
    }

    @Test
    void batchNorm2dMatchesTorchInTrainingAndEvaluation() {
        checkBatchNorm("batch_norm_2d", new BatchNorm2d(3));
    }

    @Test
    void batchNorm1dMatchesTorchInTrainingAndEvaluation() {
        checkBatchNorm("batch_norm_1d", new BatchNorm1d(3));
    }

    @Test
    void layerNormMatchesTorch() {
        NamedTensors params = params("layer_norm", "weight", "bias");
        Variables vars = Variables.track(params);
        Var x = Var.param(ref("layer_norm.x"));
        Var y = new LayerNorm(3, 4).forward(vars, x);
        close(ref("layer_norm.y"), y.value(), "layer_norm.y");
        checkGradients("layer_norm", y, vars, x);
    }

    @Test
    void embeddingMatchesTorchWithRepeatedIndices() {
        NamedTensors params = params("embedding", "weight");
        Variables vars = Variables.track(params);
        Var y = new Embedding(5, 3).forward(vars, Var.constant(ref("embedding.indices")));
        close(ref("embedding.y"), y.value(), "embedding.y");
        Var loss = y.mul(Var.constant(ref("embedding.g"))).sum();
        close(ref("embedding.dweight"), vars.gradients(loss).get("weight"), "embedding.dweight");
    }

    private static void checkBatchNorm(String name, Layer layer) {
        NamedTensors params = params(name, "weight", "bias");
        NamedTensors buffers = layer.initializeBuffers().with("running_mean", ref(name + ".running_mean0"))
                .with("running_var", ref(name + ".running_var0"));
        Variables vars = Variables.track(params);
        Var x = Var.param(ref(name + ".x"));
        Forward pass = layer.forward(vars, x, Context.training(7, buffers));
        close(ref(name + ".y"), pass.output().value(), name + ".y");
        checkGradients(name, pass.output(), vars, x);
        NamedTensors updated = pass.applyTo(buffers);
        for (String buffer : new String[] {"running_mean", "running_var", "num_batches_tracked"}) {
            close(ref(name + "." + buffer), updated.get(buffer), name + "." + buffer);
        }
        Var yEval = layer.forward(Variables.constants(params), Var.constant(ref(name + ".x")),
                Context.evaluation(updated)).output();
        close(ref(name + ".y_eval"), yEval.value(), name + ".y_eval");
    }

    private static void checkGradients(String name, Var y, Variables vars, Var x) {
        Var loss = y.mul(Var.constant(ref(name + ".g"))).sum();
        Tensor[] both = org.adjoint.autodiff.Backward.of(loss).gradients(vars.get("weight"), vars.get("bias"), x);
        close(ref(name + ".dweight"), both[0], name + ".dweight");
        close(ref(name + ".dbias"), both[1], name + ".dbias");
        close(ref(name + ".dx"), both[2], name + ".dx");
    }

    private static NamedTensors params(String prefix, String... names) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (String n : names) {
            out.put(n, ref(prefix + "." + n));
        }
        return NamedTensors.of(out);
    }

    private static Tensor ref(String key) {
        Tensor t = reference.get(key);
        assertTrue(t != null, "no entry " + key + " in the reference; rerun torch_norm_reference.py");
        return t;
    }

    private static void close(Tensor expected, Tensor actual, String what) {
        assertEquals(expected.shape(), actual.shape(), what + ": shape");
        double[] e = expected.toArray();
        double[] a = actual.toArray();
        for (int i = 0; i < e.length; i++) {
            assertEquals(e[i], a[i], TOLERANCE * (1 + Math.abs(e[i])), what + " element " + i);
        }
    }
}
