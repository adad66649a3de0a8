package org.adjoint.core;

import java.util.Arrays;
import java.util.Objects;

/**
 * Two-dimensional convolution by im2col and the matrix product, one image at a time: for each image
 * and group, the receptive fields are unrolled ({@link Unfold}) into a {@code K × P} matrix (K =
 * C/groups·kH·kW taps, P = OH·OW output positions), which the {@link MatMul} kernel multiplies by the
 * group's {@code O/groups × K} weights; the product is the image's output channels, already in place.
 * The images are shared among the threads (each with its own small buffers, which stay in cache); with
 * fewer images than threads, the products are split instead. The input gradient is the transposed
 * product followed by col2im (a scatter-add into the image), the weight gradient a sum over images of
 * products with the transposed unrolling, summed in fixed blocks of {@value #IMAGE_BLOCK} images so that
 * its bits do not depend on the number of threads. The unrolled buffers are each thread's {@link Scratch}
 * arrays, reused from call to call (and from image to image); no tensor refers to them.
 */
final class Convolution {

    /** Images per partial sum of the weight gradient. */
    private static final int IMAGE_BLOCK = 4;

    /** Sizes of one convolution, derived once. */
    record Dims(int n, int c, int h, int w, int o, int kh, int kw, int oh, int ow, ConvGeometry g) {
        static Dims of(Shape x, Shape weight, Shape y, ConvGeometry g) {
            return new Dims(x.dim(0), x.dim(1), x.dim(2), x.dim(3), weight.dim(0), weight.dim(2), weight.dim(3),
                    y.dim(2), y.dim(3), g);
        }

        int cg() {
            return c / g.groups();
        }

        int og() {
            return o / g.groups();
        }

        int taps() {
            return cg() * kh * kw;
        }

        int positions() {
            return oh * ow;
        }

        /** Elements of one group's channels of one image's output: {@code og × P}. */
        int slab() {
            return og() * positions();
        }

        /** Where image {@code image}, group {@code group}'s output channels start in the output. */
        int slabStart(int image, int group) {
            return (image * o + group * og()) * positions();
        }

        /** True when the images are shared among threads (and each product runs on one). */
        boolean perImage() {
            return n >= Parallel.THREADS;
        }
    }

    private Convolution() {
    }

    /** {@code y = conv2d(x, weight)}: x (N, C, H, W), weight (O, C/groups, kH, kW). */
    static Tensor forward(Tensor x, Tensor weight, ConvGeometry g) {
        Objects.requireNonNull(weight, "weight");
        Objects.requireNonNull(g, "g");
        Shape yShape = g.outputShape("conv2d", x.shape, weight.shape);
        Dims d = Dims.of(x.shape, weight.shape, yShape, g);
        double[] y = new double[yShape.size()];
        double[][] weights = groupWeights(weight.data, d);
        overImages(d, (from, to) -> {
            double[] col = Scratch.doubles(Scratch.UNFOLDED, d.taps() * d.positions());
            Arrays.fill(col, 0, d.taps() * d.positions(), 0); // the padding taps, never written by im2col
            double[] out = Scratch.doubles(Scratch.CHANNELS, d.slab());
            for (int image = from; image < to; image++) {
                for (int group = 0; group < g.groups(); group++) {
                    Unfold.im2col(x.data, d, image, group, col);
                    Arrays.fill(out, 0, d.slab(), 0);
                    product(d, weights[group], d.taps(), 1, col, out, d.og(), d.taps(), d.positions());
                    System.arraycopy(out, 0, y, d.slabStart(image, group), d.slab());
                }
            }
        });
        return new Tensor(yShape, y);
    }

    /**
     * The gradient of {@code conv2d} with respect to its input, i.e. the transposed convolution of
     * {@code yBar} (N, O, OH, OW) with {@code weight}, into an input of shape {@code xShape}.
     */
    static Tensor inputGrad(Tensor yBar, Tensor weight, ConvGeometry g, Shape xShape) {
        Objects.requireNonNull(yBar, "yBar");
        Objects.requireNonNull(weight, "weight");
        Objects.requireNonNull(g, "g");
        Objects.requireNonNull(xShape, "xShape");
        Shape yShape = g.outputShape("conv2dInputGrad", xShape, weight.shape);
        requireShape("conv2dInputGrad", yBar.shape, yShape);
        Dims d = Dims.of(xShape, weight.shape, yShape, g);
        double[] xBar = new double[xShape.size()];
        double[][] weights = groupWeights(weight.data, d);
        overImages(d, (from, to) -> {
            double[] colBar = Scratch.doubles(Scratch.UNFOLDED, d.taps() * d.positions());
            double[] grad = Scratch.doubles(Scratch.CHANNELS, d.slab());
            for (int image = from; image < to; image++) {
                for (int group = 0; group < g.groups(); group++) {
                    System.arraycopy(yBar.data, d.slabStart(image, group), grad, 0, d.slab());
                    Arrays.fill(colBar, 0, d.taps() * d.positions(), 0);
                    product(d, weights[group], 1, d.taps(), grad, colBar, d.taps(), d.og(), d.positions());
                    Unfold.col2im(colBar, d, image, group, xBar);
                }
            }
        });
        return new Tensor(xShape, xBar);
    }

    /** The gradient of {@code conv2d} with respect to its weight, of shape {@code weightShape}. */
    static Tensor weightGrad(Tensor x, Tensor yBar, ConvGeometry g, Shape weightShape) {
        Objects.requireNonNull(yBar, "yBar");
        Objects.requireNonNull(g, "g");
        Objects.requireNonNull(weightShape, "weightShape");
        Shape yShape = g.outputShape("conv2dWeightGrad", x.shape, weightShape);
        requireShape("conv2dWeightGrad", yBar.shape, yShape);
        Dims d = Dims.of(x.shape, weightShape, yShape, g);
        int blocks = (d.n() + IMAGE_BLOCK - 1) / IMAGE_BLOCK;
        double[][] partial = new double[blocks][];
        Parallel.Range body = (from, to) -> {
            double[] colT = Scratch.doubles(Scratch.UNFOLDED, d.positions() * d.taps());
            Arrays.fill(colT, 0, d.positions() * d.taps(), 0); // the padding taps, never written by im2col
            double[] grad = Scratch.doubles(Scratch.CHANNELS, d.slab());
            for (int block = from; block < to; block++) {
                double[] sum = new double[weightShape.size()];
                double[] out = new double[d.og() * d.taps()];
                for (int group = 0; group < g.groups(); group++) {
                    Arrays.fill(out, 0);
                    for (int image = block * IMAGE_BLOCK; image < Math.min(d.n(), (block + 1) * IMAGE_BLOCK); image++) {
                        Unfold.im2colTransposed(x.data, d, image, group, colT);
                        System.arraycopy(yBar.data, d.slabStart(image, group), grad, 0, d.slab());
                        product(d, grad, d.positions(), 1, colT, out, d.og(), d.positions(), d.taps());
                    }
                    System.arraycopy(out, 0, sum, group * out.length, out.length);
                }
                partial[block] = sum;
            }
        };
        if (d.perImage()) {
            Parallel.forRange(blocks, 1, body);
        } else {
            body.run(0, blocks);
        }
        double[] wBar = new double[weightShape.size()];
        for (double[] sum : partial) {
            for (int i = 0; i < wBar.length; i++) {
                wBar[i] += sum[i];
            }
        }
        return new Tensor(weightShape, wBar);
    }

    private static void overImages(Dims d, Parallel.Range body) {
        if (d.perImage()) {
            Parallel.forRange(d.n(), 1, body);
        } else {
            body.run(0, d.n());
        }
    }

    /** {@code c += A·b} on this thread when the images are shared among threads, split across threads otherwise. */
    private static void product(Dims d, double[] a, int rs, int cs, double[] b, double[] c, int m, int k, int n) {
        if (d.perImage()) {
            MatMul.KERNEL.rows(a, rs, cs, b, c, k, n, 0, m);
        } else {
            MatMul.multiply(a, rs, cs, b, c, m, k, n);
        }
    }

    private static void requireShape(String op, Shape actual, Shape expected) {
        if (!actual.equals(expected)) {
            throw new IllegalArgumentException(op + ": output cotangent " + actual + " must have the output's shape "
                    + expected);
        }
    }

    /** Each group's weights as an {@code og × taps} row-major matrix (the weight itself for one group). */
    private static double[][] groupWeights(double[] weight, Dims d) {
        int groups = d.g().groups();
        if (groups == 1) {
            return new double[][] {weight};
        }
        int size = d.og() * d.taps();
        double[][] parts = new double[groups][];
        for (int group = 0; group < groups; group++) {
            parts[group] = Arrays.copyOfRange(weight, group * size, (group + 1) * size);
        }
        return parts;
    }
}
