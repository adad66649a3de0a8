package org.adjoint.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.adjoint.autodiff.Derivatives;
import org.adjoint.autodiff.Var;
import org.adjoint.core.NamedTensors;
import org.adjoint.core.Shape;
import org.adjoint.core.Tensor;
import org.adjoint.nn.init.Initializer;
import org.adjoint.nn.layers.Activation;
import org.adjoint.nn.layers.Mlp;
import org.adjoint.verify.Gen;
import org.adjoint.verify.Property;
import org.adjoint.verify.TensorGens;
import org.junit.jupiter.api.Test;

public class NamedTensorsTest {

    private static final Layer NET = Mlp.of(Activation.RELU, 4, 3, 2);

    /** Random parameter sets: 1–4 tensors of random shapes, named in order. */
    public static Gen<NamedTensors> parameterSets() {
        return Gen.lists(TensorGens.tensors(TensorGens.shapes(3, 4), Gen.doubles(-5, 5)), 1, 4).map(list -> {
            Map<String, Tensor> m = new LinkedHashMap<>();
            for (int i = 0; i < list.size(); i++) {
                m.put("block" + (list.size() - i) + ".p" + i, list.get(i));
            }
            return NamedTensors.of(m);
        });
    }

    @Test
    void namesFollowTheLayersInOrder() {
        NamedTensors p = NET.initialize(1);
        assertEquals(List.of("layer1.weight", "layer1.bias", "layer2.weight", "layer2.bias"), p.names());
        assertEquals(Shape.of(3, 4), p.get("layer1.weight").shape());
        assertEquals(4 * 3 + 3 + 3 * 2 + 2, p.elementCount());
        assertEquals(4, p.count());
        assertEquals("NamedTensors[layer1.weight [3, 4], layer1.bias [3], layer2.weight [2, 3], layer2.bias [2]] (23 values)",
                p.toString());
    }

    @Test
    void initializationIsReproducibleFromTheSeed() {
        NamedTensors first = NET.initialize(7);
        assertEquals(first, NET.initialize(7), "the same seed draws the same parameters");
        assertNotEquals(NET.initialize(7), NET.initialize(8));
        assertEquals(Tensor.zeros(3), NET.initialize(7).get("layer1.bias"));
    }

    @Test
    void flattenAndUnflattenRoundTrip() {
        Property.forAll(parameterSets()).check(p -> {
            Tensor flat = p.flatten();
            assertEquals(Shape.of(p.elementCount()), flat.shape());
            assertEquals(p, p.unflatten(flat));
            Tensor moved = flat.add(1);
            assertEquals(moved, p.unflatten(moved).flatten());
        });
    }

    @Test
    void unflatteningARecordedVectorGivesTheSameLossAndGradient() {
        Tensor x = Tensor.randomNormal(3, 5, 4);
        int[] labels = {0, 1, 1, 0, 1};
        NamedTensors p = NET.initialize(3);
        Var direct = lossOf(Variables.track(p), x, labels);
        Tensor theta = p.flatten();
        double viaTheta = lossOf(Variables.unflatten(p, Var.param(theta)), x, labels).item();
        assertEquals(direct.item(), viaTheta, 0.0);
        Tensor gradTheta = Derivatives.grad(t -> lossOf(Variables.unflatten(p, t), x, labels), theta);
        Variables v = Variables.track(p);
        Tensor directGradient = v.gradients(lossOf(v, x, labels)).flatten();
        assertTrue(directGradient.allClose(gradTheta, 1e-15, 1e-15), () -> directGradient + " vs " + gradTheta);
    }

    private static Var lossOf(Variables v, Tensor x, int[] labels) {
        return org.adjoint.autodiff.Losses.softmaxCrossEntropy(NET.forward(v, Var.constant(x)), labels);
    }

    @Test
    void withAndMapKeepShapes() {
        NamedTensors p = NET.initialize(1);
        NamedTensors q = p.with("layer2.bias", Tensor.vector(5, 6));
        assertEquals(Tensor.vector(5, 6), q.get("layer2.bias"));
        assertEquals(Tensor.zeros(2), p.get("layer2.bias"), "the original is unchanged");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> p.with("layer2.bias", Tensor.zeros(3)));
        assertEquals("with: layer2.bias has shape [2] but the new value has shape [3]", e.getMessage());
        assertEquals(p.map(t -> t.mul(2)), p.zip(p, Tensor::add));
        assertThrows(IllegalArgumentException.class, () -> p.map(t -> t.reshape(-1)));
    }

    @Test
    void missingNamesAndMismatchedSetsAreNamedInErrors() {
        NamedTensors p = NET.initialize(1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> p.get("layer3.weight"));
        assertEquals("no parameter named layer3.weight; the parameters are [layer1.weight, layer1.bias, layer2.weight,"
                + " layer2.bias]", e.getMessage());
        NamedTensors other = Mlp.of(Activation.RELU, 4, 5, 2).initialize(1);
        e = assertThrows(IllegalArgumentException.class, () -> p.zip(other, Tensor::add));
        assertEquals("zip: layer1.weight has shape [3, 4] here but [5, 4] in the other", e.getMessage());
        NamedTensors fewer = NamedTensors.of(Map.of("layer1.weight", p.get("layer1.weight")));
        e = assertThrows(IllegalArgumentException.class, () -> p.requireSameLayout("step", fewer));
        assertEquals("step: parameter 1 is layer1.bias here but missing in the other set", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> p.unflatten(Tensor.zeros(5)));
        assertEquals("unflatten: expected a vector of 23 values (the parameters' total size) but got shape [5]", e.getMessage());
    }

    @Test
    void badNamesAreRejected() {
        for (String bad : new String[] {"", ".w", "w.", "a..b"}) {
            assertThrows(IllegalArgumentException.class, () -> NamedTensors.of(Map.of(bad, Tensor.zeros(1))), bad);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ParameterSpec.initialize(List.of(new ParameterSpec("w", Shape.of(1), Initializer.zeros()),
                        new ParameterSpec("w", Shape.of(2), Initializer.zeros())), new java.util.Random(1)));
        assertEquals("initialize: two parameters are named w", e.getMessage());
    }

    @Test
    void trackedVariablesRecordAndConstantsDoNot() {
        NamedTensors p = NET.initialize(1);
        Var x = Var.constant(Tensor.ones(2, 4));
        assertTrue(NET.forward(Variables.track(p), x).requiresGrad());
        assertFalse(NET.forward(Variables.constants(p), x).requiresGrad());
        assertEquals(p, Variables.track(p).values());
    }
}
