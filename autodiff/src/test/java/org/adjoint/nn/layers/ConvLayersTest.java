package org.adjoint.nn.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.adjoint.autodiff.Convolutions;
import org.adjoint.autodiff.GradCheck;
import org.adjoint.autodiff.Losses;
import org.adjoint.autodiff.Var;
import org.adjoint.core.NamedTensors;
import org.adjoint.core.Shape;
import org.adjoint.core.Tensor;
import org.adjoint.nn.ParameterSpec;
import org.adjoint.nn.Variables;
import org.adjoint.nn.init.Initializer;
import org.junit.jupiter.api.Test;

/** The convolution and pooling layers: values, PyTorch's initialization, validation, and a CNN's gradients. */
class ConvLayersTest {

    @Test
    void conv2dDeclaresPyTorchShapedParametersAndInitializers() {
        Conv2d conv = new Conv2d(6, 16, 5);
        List<ParameterSpec> specs = conv.parameters();
        assertEquals(new ParameterSpec("weight", Shape.of(16, 6, 5, 5), Initializer.torchDefault()), specs.get(0));
        assertEquals(new ParameterSpec("bias", Shape.of(16), Initializer.torchBias(150)), specs.get(1));
        assertEquals(1, new Conv2d(4, 4, 3, 1, 1, 4, false, Initializer.torchDefault()).parameters().size());
    }

    @Test
    void torchDefaultInitializationStaysWithinOneOverRootFanIn() {
        NamedTensors p = new Conv2d(6, 16, 5).initialize(7);
        double bound = 1 / Math.sqrt(150);
        for (String name : List.of("weight", "bias")) {
            Tensor t = p.get(name);
            assertTrue(t.abs().max().item() <= bound, name + " exceeds " + bound);
            assertTrue(t.abs().max().item() > 0.8 * bound, name + " does not fill the range");
        }
        assertEquals(p, new Conv2d(6, 16, 5).initialize(7));
        assertNotEquals(p, new Conv2d(6, 16, 5).initialize(8));
    }

    @Test
    void conv2dForwardIsTheFunctionalConvolutionPlusBias() {
        Conv2d conv = new Conv2d(2, 3, 3, 2, 1);
        NamedTensors p = conv.initialize(1);
        Tensor x = Tensor.randomNormal(2, 2, 2, 5, 5);
        Tensor y = conv.forward(Variables.constants(p), Var.constant(x)).value();
        Tensor expected = Convolutions.conv2d(Var.constant(x), Var.constant(p.get("weight")),
                Var.constant(p.get("bias")), 2, 1, 1, 1).value();
        assertEquals(expected, y);
        assertEquals(Shape.of(2, 3, 3, 3), y.shape());
    }

    @Test
    void poolingAndFlattenByHand() {
        Tensor x = Tensor.of(Shape.of(1, 1, 2, 4), new double[] {1, 5, 2, 0, 3, 4, 8, 6});
        Var v = Var.constant(x);
        assertEquals(Tensor.of(Shape.of(1, 1, 1, 2), new double[] {5, 8}),
                new MaxPool2d(2).forward(Variables.constants(NamedTensors.of(Map.of())), v).value());
        assertEquals(Tensor.of(Shape.of(1, 1, 1, 2), new double[] {13 / 4.0, 16 / 4.0}),
                new AvgPool2d(2).forward(Variables.constants(NamedTensors.of(Map.of())), v).value());
        assertEquals(Shape.of(1, 8), new Flatten().forward(Variables.constants(NamedTensors.of(Map.of())), v).shape());
    }

    @Test
    void badSizesAndInputsAreRefused() {
        assertMessage(() -> new Conv2d(3, 4, 3, 1, 0, 2, true, Initializer.torchDefault()), "Conv2d", "groups 2");
        assertMessage(() -> new Conv2d(0, 4, 3), "Conv2d", "in 0");
        assertMessage(() -> new MaxPool2d(2, 2, 3), "MaxPool2d", "padding 3");
        assertMessage(() -> new AvgPool2d(0), "AvgPool2d", "kernel 0");
        assertMessage(() -> Initializer.torchBias(0), "torchBias", "0");
        Conv2d conv = new Conv2d(3, 4, 3);
        Variables p = Variables.constants(conv.initialize(0));
        assertMessage(() -> conv.forward(p, Var.constant(Tensor.zeros(1, 2, 5, 5))), "Conv2d", "[1, 2, 5, 5]");
    }

    @Test
    void layersAreValuesThatPrintTheirSettings() {
        assertEquals(new Conv2d(1, 6, 5, 1, 2), new Conv2d(1, 6, 5, 1, 2));
        assertEquals("Conv2d[in=1, out=6, kernel=5, stride=1, padding=2, groups=1, bias=true, weightInit=torchDefault()]",
                new Conv2d(1, 6, 5, 1, 2).toString());
        assertEquals("MaxPool2d[kernel=2, stride=2, padding=0]", new MaxPool2d(2).toString());
        Flatten flatten = new Flatten();
        assertEquals(flatten, new Flatten(), "a value: every Flatten equals every other");
    }

    @Test
    void aSmallCnnsGradientsMatchFiniteDifferences() {
        Sequential net = Sequential.of(new Conv2d(2, 3, 3, 1, 1), new AvgPool2d(2), Activation.TANH,
                new Conv2d(3, 2, 2), new Flatten(), new Affine(2, 3));
        NamedTensors params = net.initialize(3);
        Tensor x = Tensor.randomNormal(4, 2, 2, 4, 4);
        int[] labels = {0, 2};
        List<String> names = params.names();
        Function<Var[], Var> loss = vars -> {
            Map<String, Var> byName = new LinkedHashMap<>();
            for (int i = 0; i < vars.length; i++) {
                byName.put(names.get(i), vars[i]);
            }
            return Losses.softmaxCrossEntropy(net.forward(Variables.of(byName), Var.constant(x)), labels);
        };
        GradCheck.Report report = GradCheck.defaults().gradient(loss, params.asMap().values().toArray(new Tensor[0]));
        assertTrue(report.passed(), report::toString);
    }

    private static void assertMessage(Runnable call, String... parts) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "message lacks " + part + ": " + e.getMessage());
        }
    }
}
