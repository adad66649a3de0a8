package org.adjoint.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.adjoint.core.ConvGeometry;
import org.adjoint.core.Shape;
import org.adjoint.core.Tensor;
import org.junit.jupiter.api.Test;

/** Hand-computed values, the documented tie rule of max pooling, and the errors for bad arguments. */
class ConvolutionsTest {

    private static Tensor image(double... values) {
        int side = (int) Math.round(Math.sqrt(values.length));
        return Tensor.of(Shape.of(1, 1, side, side), values);
    }

    @Test
    void convolutionIsCrossCorrelationByHand() {
        Var x = Var.param(image(1, 2, 3, 4, 5, 6, 7, 8, 9));
        Var w = Var.param(image(1, 0, 0, -1));
        Tensor y = x.conv2d(w, ConvGeometry.unit()).value();
        assertEquals(Tensor.of(Shape.of(1, 1, 2, 2), new double[] {-4, -4, -4, -4}), y);
    }

    /** The unrolled (im2col) buffer is the kernel's local: the recorded node holds only x, w and the geometry. */
    @Test
    void theGraphKeepsOnlyTheConvolutionsInputs() {
        Var x = Var.param(Tensor.randomNormal(1, 2, 3, 6, 6));
        Var w = Var.param(Tensor.randomNormal(2, 4, 3, 3, 3));
        Var y = x.conv2d(w, ConvGeometry.unit());
        Var[] inputs = org.adjoint.autodiff.engine.Nodes.inputs(y);
        assertEquals(2, inputs.length);
        assertTrue(inputs[0] == x && inputs[1] == w, "the node's inputs are x and w themselves");
        assertEquals(new org.adjoint.autodiff.ops.Conv2d(ConvGeometry.unit()), org.adjoint.autodiff.engine.Nodes.op(y));
    }

    @Test
    void maxPoolTieGivesTheWholeCotangentToTheFirstMaximumInTheWindow() {
        Var x = Var.param(image(5, 5, 5, 5));
        Var y = x.maxPool2d(2, 2, 0);
        Tensor xBar = Backward.of(y.sum()).gradient(x);
        assertEquals(image(1, 0, 0, 0), xBar);
    }

    @Test
    void overlappingWindowsAddTheirCotangents() {
        Var x = Var.param(image(0, 0, 0, 0, 9, 0, 0, 0, 0));
        Tensor xBar = Backward.of(x.maxPool2d(2, 1, 0).sum()).gradient(x);
        assertEquals(image(0, 0, 0, 0, 4, 0, 0, 0, 0), xBar);
    }

    @Test
    void maxPoolSecondDerivativeIsZero() {
        Var x = Var.param(image(1, 3, 2, 4));
        Var g = Backward.of(x.maxPool2d(2, 2, 0).square().sum()).differentiableGradient(x);
        Tensor h = Backward.of(g.sum()).gradient(x);
        assertEquals(image(0, 0, 0, 2), h);
    }

    @Test
    void averagePoolingCountsPaddedZeros() {
        Var x = Var.param(image(4, 4, 4, 4));
        Tensor y = x.avgPool2d(2, 2, 1).value();
        assertEquals(Tensor.of(Shape.of(1, 1, 2, 2), new double[] {1, 1, 1, 1}), y);
    }

    @Test
    void samePaddingKeepsTheSizeAndPutsTheOddZeroAfter() {
        ConvGeometry g = ConvGeometry.same(2, 4, 1, 1);
        assertEquals(new ConvGeometry(1, 1, 0, 1, 1, 2, 1, 1, 1), g);
        assertEquals(Shape.of(1, 3, 5, 6), g.outputShape("conv2d", Shape.of(1, 2, 5, 6), Shape.of(3, 2, 2, 4)));
    }

    @Test
    void badArgumentsAreRefusedWithTheirValues() {
        Var x = Var.param(Tensor.zeros(1, 3, 5, 5));
        assertMessage(() -> x.conv2d(Var.param(Tensor.zeros(2, 2, 3, 3)), ConvGeometry.unit()), "conv2d", "[2, 2, 3, 3]");
        assertMessage(() -> x.conv2d(Var.param(Tensor.zeros(2, 3, 7, 7)), ConvGeometry.unit()), "conv2d", "smaller");
        assertMessage(() -> Convolutions.conv2d(x, Var.param(Tensor.zeros(4, 1, 3, 3)), 1, 0, 1, 2), "groups 2");
        assertMessage(() -> Convolutions.conv2d(x, Var.param(Tensor.zeros(2, 3, 3, 3)), Var.param(Tensor.zeros(3)),
                1, 0, 1, 1), "bias", "[3]");
        assertMessage(() -> ConvGeometry.of(0, 0, 1, 1), "strideH", "0");
        assertMessage(() -> x.maxPool2d(2, 2, 2), "maxPool2d", "padding 2");
        assertMessage(() -> Var.param(Tensor.zeros(3, 5)).avgPool2d(2, 2, 0), "avgPool2d", "rank 4");
        assertMessage(() -> x.adaptiveAvgPool2d(0, 2), "adaptiveAvgPool2d", "0×2");
        assertMessage(() -> Convolutions.conv1d(x, Var.param(Tensor.zeros(2, 3, 3)), 1, 0, 1, 1), "conv1d",
                "rank 3");
    }

    private static void assertMessage(Runnable call, String... parts) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "message lacks " + part + ": " + e.getMessage());
        }
    }
}
