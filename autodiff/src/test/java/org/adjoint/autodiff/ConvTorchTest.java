package org.adjoint.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.stream.Stream;
import org.adjoint.core.Tensor;
import org.adjoint.core.io.Npz;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Convolutions and pooling against PyTorch 1.13 in float64: values, first-order gradients, and a
 * second-order product (the derivative of the input gradient with respect to the weight and the
 * output cotangent). The reference {@code torch/conv_1_13.npz} is written by
 * {@code examples/src/main/python/torch_conv_reference.py}, whose configurations this test mirrors.
 */
class ConvTorchTest {

    private static final double TOLERANCE = 1e-12;
    private static TorchArrays reference;

    /** A convolution of (x, w, b) as one configuration of the script calls it. */
    interface Conv {
        Var apply(Var x, Var w, Var b);
    }

    @BeforeAll
    static void load() throws IOException, URISyntaxException {
        reference = new TorchArrays(Npz.read(Path.of(ConvTorchTest.class.getResource("/torch/conv_1_13.npz").toURI())),
                "torch_conv_reference.py");
    }

    static Stream<Arguments> convolutions() {
        return Stream.of(
                conv("basic", (x, w, b) -> Convolutions.conv2d(x, w, b, 1, 0, 1, 1)),
                conv("stride2_pad1", (x, w, b) -> Convolutions.conv2d(x, w, b, 2, 1, 1, 1)),
                conv("dilation2", (x, w, b) -> Convolutions.conv2d(x, w, b, 1, 2, 2, 1)),
                conv("groups2", (x, w, b) -> Convolutions.conv2d(x, w, b, 1, 1, 1, 2)),
                conv("depthwise", (x, w, b) -> Convolutions.conv2d(x, w, b, 2, 1, 1, 3)),
                conv("same_even", (x, w, b) -> Convolutions.conv2dSame(x, w, b, 1, 1)),
                conv("same_dilated", (x, w, b) -> Convolutions.conv2dSame(x, w, b, 2, 1)),
                conv("conv1d", (x, w, b) -> Convolutions.conv1d(x, w, b, 2, 1, 1, 1)),
                conv("conv1d_same", (x, w, b) -> Convolutions.conv1dSame(x, w, b, 1, 1)));
    }

    private static Arguments conv(String name, Conv conv) {
        return Arguments.of(name, conv);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("convolutions")
    void convolutionMatchesTorchToSecondOrder(String name, Conv conv) {
        Var x = Var.param(ref(name, "x"));
        Var w = Var.param(ref(name, "w"));
        Var b = Var.param(ref(name, "b"));
        Var yBar = Var.param(ref(name, "ybar"));
        Var y = conv.apply(x, w, b);
        assertClose(name + ".y", ref(name, "y"), y.value());
        Var[] grads = Backward.of(y.mul(yBar).sum()).differentiableGradients(x, w, b);
        assertClose(name + ".xbar", ref(name, "xbar"), grads[0].value());
        assertClose(name + ".wbar", ref(name, "wbar"), grads[1].value());
        assertClose(name + ".bbar", ref(name, "bbar"), grads[2].value());
        Tensor[] second = Backward.of(grads[0].mul(Var.constant(ref(name, "u"))).sum()).gradients(w, yBar);
        assertClose(name + ".hw", ref(name, "hw"), second[0]);
        assertClose(name + ".hybar", ref(name, "hybar"), second[1]);
    }

    static Stream<Arguments> pools() {
        return Stream.of(
                pool("maxpool_ties", x -> x.maxPool2d(3, 2, 1)),
                pool("maxpool_overlap", x -> x.maxPool2d(2, 1, 0)),
                pool("avgpool", x -> x.avgPool2d(3, 2, 1)),
                pool("adaptive", x -> x.adaptiveAvgPool2d(3, 4)));
    }

    private static Arguments pool(String name, Function<Var, Var> pool) {
        return Arguments.of(name, pool);
    }

    /** Max pooling's windows hold ties (small integers): the gradients must match torch's exactly. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("pools")
    void poolingMatchesTorch(String name, Function<Var, Var> pool) {
        Var x = Var.param(ref(name, "x"));
        Var y = pool.apply(x);
        assertClose(name + ".y", ref(name, "y"), y.value());
        Tensor xBar = Backward.of(y.mul(Var.constant(ref(name, "ybar"))).sum()).gradient(x);
        if (name.startsWith("maxpool")) {
            assertEquals(ref(name, "xbar"), xBar, name + ".xbar (ties go to the first maximum)");
        } else {
            assertClose(name + ".xbar", ref(name, "xbar"), xBar);
        }
    }

    private static Tensor ref(String config, String entry) {
        return reference.get(config, entry);
    }

    private static void assertClose(String what, Tensor expected, Tensor actual) {
        TorchArrays.assertClose(what, expected, actual, TOLERANCE);
    }
}
