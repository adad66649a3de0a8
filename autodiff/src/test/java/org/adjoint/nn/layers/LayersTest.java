package org.adjoint.nn.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.adjoint.autodiff.Var;
import org.adjoint.core.NamedTensors;
import org.adjoint.core.Tensor;
import org.adjoint.nn.Layer;
import org.adjoint.nn.Variables;
import org.adjoint.nn.init.Initializer;
import org.junit.jupiter.api.Test;

class LayersTest {

    private static final Tensor X = Tensor.matrix(new double[][] {{1, 2}, {-1, 0.5}, {0, 3}});
    private static final Tensor W = Tensor.matrix(new double[][] {{0.5, -1}, {2, 0.25}, {1, 1}});
    private static final Tensor B = Tensor.vector(0.1, -0.2, 0.3);

    @Test
    void affineComputesXTimesWTransposedPlusB() {
        NamedTensors p = NamedTensors.of(Map.of("weight", W, "bias", B));
        Tensor y = new Affine(2, 3).forward(Variables.constants(p), Var.constant(X)).value();
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertEquals(X.get(i, 0) * W.get(j, 0) + X.get(i, 1) * W.get(j, 1) + B.get(j), y.get(i, j), 1e-15);
            }
        }
    }

    @Test
    void aSingleExampleGivesTheMatchingRowOfTheBatch() {
        NamedTensors p = NamedTensors.of(Map.of("weight", W, "bias", B));
        Tensor batch = new Affine(2, 3).forward(Variables.constants(p), Var.constant(X)).value();
        for (int i = 0; i < 3; i++) {
            Tensor one = new Affine(2, 3).forward(Variables.constants(p), Var.constant(X.slice(0, i, i + 1).reshape(2))).value();
            assertEquals(batch.slice(0, i, i + 1).reshape(3), one);
        }
    }

    @Test
    void theBiasTrickEqualsASeparateBias() {
        Tensor folded = Tensor.concat(1, W, B.reshape(3, 1));
        Layer trick = Sequential.of(new AppendOnes(), new Linear(3, 3));
        assertEquals(List.of("layer1.weight"), trick.initialize(1).names());
        Tensor viaTrick = trick.forward(Variables.constants(NamedTensors.of(Map.of("layer1.weight", folded))), Var.constant(X)).value();
        Tensor viaBias = new Affine(2, 3).forward(Variables.constants(NamedTensors.of(Map.of("weight", W, "bias", B))),
                Var.constant(X)).value();
        assertTrue(viaTrick.allClose(viaBias, 1e-15, 1e-15), viaTrick + " vs " + viaBias);
    }

    @Test
    void linearStartsWithTheLessonsSmallRandomWeights() {
        Tensor w = new Linear(100, 10).initialize(1).get("weight");
        assertEquals(0.001, Math.sqrt(w.square().mean().item()), 0.0002);
    }

    @Test
    void sequentialNamesOnlyLayersWithParameters() {
        Sequential net = Sequential.of(new Affine(2, 4), Activation.TANH, new Affine(4, 3))
                .then("head", new Linear(3, 2)).then(Activation.SIGMOID);
        assertEquals(List.of("layer1.weight", "layer1.bias", "layer2.weight", "layer2.bias", "head.weight"),
                net.initialize(1).names());
        assertEquals(org.adjoint.core.Shape.of(3, 2), net.forward(Variables.constants(net.initialize(1)),
                Var.constant(X)).shape());
        assertThrows(IllegalArgumentException.class, () -> net.then("head", new Linear(2, 2)));
    }

    @Test
    void mlpIsAffineLayersWithActivationsBetween() {
        Sequential mlp = Mlp.of(Activation.RELU, 2, 5, 4, 3);
        NamedTensors p = mlp.initialize(3);
        assertEquals(List.of("layer1.weight", "layer1.bias", "layer2.weight", "layer2.bias", "layer3.weight", "layer3.bias"),
                p.names());
        Variables v = Variables.constants(p);
        Var expected = new Affine(4, 3).forward(v.scope("layer3"),
                new Affine(5, 4).forward(v.scope("layer2"), new Affine(2, 5).forward(v.scope("layer1"), Var.constant(X)).relu())
                        .relu());
        assertEquals(expected.value(), mlp.forward(v, Var.constant(X)).value());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Mlp.of(Activation.RELU, 3));
        assertEquals("Mlp: need at least an input and an output width, got [3]", e.getMessage());
    }

    @Test
    void activationsApplyElementwise() {
        Var x = Var.constant(Tensor.vector(-1, 0, 2));
        assertEquals(Tensor.vector(0, 0, 2), Activation.RELU.forward(null, x).value());
        assertEquals(x.value().tanh(), Activation.TANH.forward(null, x).value());
        assertEquals(x.value().sigmoid(), Activation.SIGMOID.forward(null, x).value());
    }

    @Test
    void layersAreValuesThatPrintReadably() {
        assertEquals(new Linear(3, 2), new Linear(3, 2));
        assertEquals(new Affine(4, 3).hashCode(), new Affine(4, 3).hashCode());
        assertEquals("Linear[in=3, out=2, weightInit=normal(0.0, 0.001)]", new Linear(3, 2).toString());
        assertEquals("Affine[in=4, out=3, weightInit=torchDefault(), biasInit=torchBias(4)]", new Affine(4, 3).toString());
        assertEquals(Mlp.of(Activation.TANH, 4, 3, 2).parameters(), Mlp.of(Activation.TANH, 4, 3, 2).parameters());
        assertEquals("Sequential[layer1=Affine[in=4, out=3, weightInit=xavierNormal(), biasInit=zeros()], TANH, "
                + "layer2=Affine[in=3, out=2, weightInit=xavierNormal(), biasInit=zeros()]]", Mlp.of(Activation.TANH, 4, 3, 2).toString());
    }

    /** As PyTorch's {@code nn.Linear(in, out)}: weight and bias both uniform on ±1/√in, filling the range. */
    @Test
    void affineStartsAsPyTorchsLinear() {
        NamedTensors p = new Affine(50, 40).initialize(3);
        double bound = 1 / Math.sqrt(50);
        for (String name : new String[] {"weight", "bias"}) {
            Tensor t = p.get(name);
            assertTrue(t.abs().max().item() <= bound, name + " within ±1/√in");
            assertTrue(t.abs().max().item() > 0.9 * bound, name + " fills the range");
        }
        assertEquals(Tensor.zeros(3), new Affine(2, 3, Initializer.heNormal()).initialize(1).get("bias"));
    }

    @Test
    void badSizesAndInputsAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Affine(0, 3));
        assertEquals("Affine: sizes in = 0 and out = 3 must be positive", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Linear(2, -1));
        e = assertThrows(IllegalArgumentException.class,
                () -> new AppendOnes().forward(Variables.of(Map.of()), Var.constant(Tensor.zeros(3))));
        assertEquals("AppendOnes: expected a batch [n, features] but got shape [3]", e.getMessage());
        NamedTensors p = new Affine(3, 2).initialize(1);
        e = assertThrows(IllegalArgumentException.class,
                () -> new Affine(3, 2).forward(Variables.constants(p), Var.constant(Tensor.zeros(4, 5))));
        assertEquals("Affine: expected an input [n, 3] or [3] but got shape [4, 5]", e.getMessage());
    }
}
