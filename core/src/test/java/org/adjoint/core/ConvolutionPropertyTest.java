package org.adjoint.core;

import static org.adjoint.core.TensorAssertions.assertIdentical;

import org.adjoint.verify.Gen;
import org.adjoint.verify.Property;
import org.adjoint.verify.TensorGens;
import org.junit.jupiter.api.Test;

/**
 * The im2col kernels of {@code conv2d}, its input gradient and its weight gradient against the defining
 * sums, written as direct loops, over random geometries: strides, asymmetric padding, dilation, groups,
 * windows wider than the image, and batches smaller and larger than the thread count (the kernels share
 * images among threads only when there are enough). Elements are small integers, so every sum is exact
 * whatever its order and the results must be identical.
 */
class ConvolutionPropertyTest {

    /** One convolution: input, weight, output cotangent and geometry. */
    record Case(Tensor x, Tensor w, Tensor yBar, ConvGeometry g) {
        @Override
        public String toString() {
            return "x " + x.shape() + " = " + x + ", w " + w.shape() + " = " + w + ", yBar = " + yBar + ", " + g;
        }
    }

    @Test
    void forwardMatchesTheDirectSum() {
        Property.forAll(cases()).check(c -> assertIdentical(direct(c, Role.OUTPUT), c.x().conv2d(c.w(), c.g()),
                "conv2d"));
    }

    @Test
    void inputGradientMatchesTheDirectSum() {
        Property.forAll(cases()).check(c -> assertIdentical(direct(c, Role.INPUT_GRAD),
                c.yBar().conv2dInputGrad(c.w(), c.g(), c.x().shape()), "conv2dInputGrad"));
    }

    @Test
    void weightGradientMatchesTheDirectSum() {
        Property.forAll(cases()).check(c -> assertIdentical(direct(c, Role.WEIGHT_GRAD),
                c.x().conv2dWeightGrad(c.yBar(), c.g(), c.w().shape()), "conv2dWeightGrad"));
    }

    private enum Role { OUTPUT, INPUT_GRAD, WEIGHT_GRAD }

    /** Every (image, output channel, position, tap) term of the convolution, added where {@code role} needs it. */
    private static Tensor direct(Case k, Role role) {
        Shape xs = k.x().shape();
        Shape ws = k.w().shape();
        Shape ys = k.yBar().shape();
        ConvGeometry g = k.g();
        int og = ws.dim(0) / g.groups();
        double[] out = new double[role == Role.OUTPUT ? ys.size() : role == Role.INPUT_GRAD ? xs.size() : ws.size()];
        for (int n = 0; n < xs.dim(0); n++) {
            for (int o = 0; o < ws.dim(0); o++) {
                for (int r = 0; r < ys.dim(2); r++) {
                    for (int s = 0; s < ys.dim(3); s++) {
                        for (int c = 0; c < ws.dim(1); c++) {
                            for (int i = 0; i < ws.dim(2); i++) {
                                for (int j = 0; j < ws.dim(3); j++) {
                                    int row = r * g.strideH() - g.padTop() + i * g.dilationH();
                                    int col = s * g.strideW() - g.padLeft() + j * g.dilationW();
                                    if (row < 0 || row >= xs.dim(2) || col < 0 || col >= xs.dim(3)) {
                                        continue;
                                    }
                                    int xi = ((n * xs.dim(1) + (o / og) * ws.dim(1) + c) * xs.dim(2) + row) * xs.dim(3) + col;
                                    int wi = ((o * ws.dim(1) + c) * ws.dim(2) + i) * ws.dim(3) + j;
                                    int yi = ((n * ys.dim(1) + o) * ys.dim(2) + r) * ys.dim(3) + s;
                                    switch (role) {
                                        case OUTPUT -> out[yi] += k.x().data[xi] * k.w().data[wi];
                                        case INPUT_GRAD -> out[xi] += k.yBar().data[yi] * k.w().data[wi];
                                        case WEIGHT_GRAD -> out[wi] += k.yBar().data[yi] * k.x().data[xi];
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        Shape shape = role == Role.OUTPUT ? ys : role == Role.INPUT_GRAD ? xs : ws;
        return new Tensor(shape, out);
    }

    private static Gen<Case> cases() {
        Gen<Integer> small = Gen.integers(1, 3);
        Gen<Integer> pad = Gen.integers(0, 2);
        return source -> {
            int groups = Gen.integers(1, 2).generate(source);
            int n = Gen.integers(1, 5).generate(source);
            int c = groups * small.generate(source);
            int o = groups * small.generate(source);
            int kh = small.generate(source);
            int kw = small.generate(source);
            ConvGeometry g = new ConvGeometry(small.generate(source), small.generate(source), pad.generate(source),
                    pad.generate(source), pad.generate(source), pad.generate(source), Gen.integers(1, 2).generate(source),
                    Gen.integers(1, 2).generate(source), groups);
            int h = Math.max(1, g.dilationH() * (kh - 1) + 1 - g.padTop() - g.padBottom()) + Gen.integers(0, 6).generate(source);
            int w = Math.max(1, g.dilationW() * (kw - 1) + 1 - g.padLeft() - g.padRight()) + Gen.integers(0, 6).generate(source);
            Gen<Double> digits = TensorGens.integers(-3, 3);
            Tensor x = TensorGens.tensorOf(Shape.of(n, c, h, w), digits).generate(source);
            Tensor weight = TensorGens.tensorOf(Shape.of(o, c / groups, kh, kw), digits).generate(source);
            Tensor yBar = TensorGens.tensorOf(g.outputShape("test", x.shape(), weight.shape()), digits).generate(source);
            return new Case(x, weight, yBar, g);
        };
    }
}
