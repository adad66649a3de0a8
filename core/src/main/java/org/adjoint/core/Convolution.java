package org.adjoint.core;

import java.util.Objects;

/**
 * Two-dimensional convolution by im2col and the matrix product: for each group the receptive fields
 * of all N images are unrolled into a {@code K × N·P} matrix (K = C/groups·kH·kW taps, P = OH·OW
 * output positions), and the {@link MatMul} kernel multiplies it by the group's weights. One large
 * product per group keeps the blocked (and, when available, vectorized and parallel) matrix kernel
 * busy; a direct loop nest over taps measured slower (see the benchmark notes). The input gradient
 * is the transposed product followed by col2im (a scatter-add), the weight gradient a product with
 * the transposed unrolling. The unrolled buffers live only during one call: nothing retains them.
 */
final class Convolution {

    /** Sizes of one convolution, derived once. */
    private record Dims(int n, int c, int h, int w, int o, int kh, int kw, int oh, int ow, ConvGeometry g) {
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

        int columns() {
            return n * oh * ow;
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
        double[] col = new double[d.taps() * d.columns()];
        double[] out = new double[d.og() * d.columns()];
        for (int group = 0; group < g.groups(); group++) {
            im2col(x.data, d, group, col, d.columns(), 1);
            java.util.Arrays.fill(out, 0);
            MatMul.multiply(groupWeight(weight.data, d, group), d.taps(), 1, col, out, d.og(), d.taps(), d.columns());
            scatterChannels(out, d, group, y);
        }
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
        double[] colBar = new double[d.taps() * d.columns()];
        double[] gathered = new double[d.og() * d.columns()];
        for (int group = 0; group < g.groups(); group++) {
            gatherChannels(yBar.data, d, group, gathered);
            java.util.Arrays.fill(colBar, 0);
            MatMul.multiply(groupWeight(weight.data, d, group), 1, d.taps(), gathered, colBar, d.taps(), d.og(),
                    d.columns());
            col2im(colBar, d, group, xBar);
        }
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
        double[] wBar = new double[weightShape.size()];
        double[] colT = new double[d.taps() * d.columns()];
        double[] gathered = new double[d.og() * d.columns()];
        double[] out = new double[d.og() * d.taps()];
        for (int group = 0; group < g.groups(); group++) {
            im2col(x.data, d, group, colT, 1, d.taps());
            gatherChannels(yBar.data, d, group, gathered);
            java.util.Arrays.fill(out, 0);
            MatMul.multiply(gathered, d.columns(), 1, colT, out, d.og(), d.columns(), d.taps());
            System.arraycopy(out, 0, wBar, group * out.length, out.length);
        }
        return new Tensor(weightShape, wBar);
    }

    private static void requireShape(String op, Shape actual, Shape expected) {
        if (!actual.equals(expected)) {
            throw new IllegalArgumentException(op + ": output cotangent " + actual + " must have the output's shape "
                    + expected);
        }
    }

    /** The group's weights as an {@code og × taps} row-major matrix (the weight itself for one group). */
    private static double[] groupWeight(double[] weight, Dims d, int group) {
        if (d.g().groups() == 1) {
            return weight;
        }
        int size = d.og() * d.taps();
        double[] part = new double[size];
        System.arraycopy(weight, group * size, part, 0, size);
        return part;
    }

    /**
     * Unrolls the group's receptive fields: tap t of column q = (image, position) goes to
     * {@code col[t·tapStride + q·columnStride]} (zero where the tap falls in the padding).
     */
    private static void im2col(double[] x, Dims d, int group, double[] col, int tapStride, int columnStride) {
        ConvGeometry g = d.g();
        for (int c = 0; c < d.cg(); c++) {
            for (int i = 0; i < d.kh(); i++) {
                for (int j = 0; j < d.kw(); j++) {
                    int tap = (c * d.kh() + i) * d.kw() + j;
                    for (int image = 0; image < d.n(); image++) {
                        int plane = (image * d.c() + group * d.cg() + c) * d.h() * d.w();
                        int q = image * d.positions();
                        for (int r = 0; r < d.oh(); r++) {
                            int row = r * g.strideH() - g.padTop() + i * g.dilationH();
                            int base = tap * tapStride + (q + r * d.ow()) * columnStride;
                            if (row < 0 || row >= d.h()) {
                                for (int s = 0; s < d.ow(); s++) {
                                    col[base + s * columnStride] = 0;
                                }
                                continue;
                            }
                            int rowStart = plane + row * d.w();
                            int offset = j * g.dilationW() - g.padLeft();
                            for (int s = 0; s < d.ow(); s++) {
                                int column = s * g.strideW() + offset;
                                col[base + s * columnStride] = column >= 0 && column < d.w() ? x[rowStart + column] : 0;
                            }
                        }
                    }
                }
            }
        }
    }

    /** The adjoint of {@link #im2col} (column layout): adds each unrolled tap back to its input element. */
    private static void col2im(double[] col, Dims d, int group, double[] x) {
        ConvGeometry g = d.g();
        int columns = d.columns();
        for (int c = 0; c < d.cg(); c++) {
            for (int i = 0; i < d.kh(); i++) {
                for (int j = 0; j < d.kw(); j++) {
                    int tap = (c * d.kh() + i) * d.kw() + j;
                    for (int image = 0; image < d.n(); image++) {
                        int plane = (image * d.c() + group * d.cg() + c) * d.h() * d.w();
                        for (int r = 0; r < d.oh(); r++) {
                            int row = r * g.strideH() - g.padTop() + i * g.dilationH();
                            if (row < 0 || row >= d.h()) {
                                continue;
                            }
                            int base = tap * columns + image * d.positions() + r * d.ow();
                            int rowStart = plane + row * d.w();
                            int offset = j * g.dilationW() - g.padLeft();
                            for (int s = 0; s < d.ow(); s++) {
                                int column = s * g.strideW() + offset;
                                if (column >= 0 && column < d.w()) {
                                    x[rowStart + column] += col[base + s];
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /** Copies the group's output channels of {@code y} (N, O, P) into an {@code og × N·P} matrix. */
    private static void gatherChannels(double[] y, Dims d, int group, double[] out) {
        int p = d.positions();
        for (int o = 0; o < d.og(); o++) {
            for (int image = 0; image < d.n(); image++) {
                System.arraycopy(y, (image * d.o() + group * d.og() + o) * p, out, o * d.columns() + image * p, p);
            }
        }
    }

    /** The inverse of {@link #gatherChannels}: writes an {@code og × N·P} matrix into the group's channels. */
    private static void scatterChannels(double[] out, Dims d, int group, double[] y) {
        int p = d.positions();
        for (int o = 0; o < d.og(); o++) {
            for (int image = 0; image < d.n(); image++) {
                System.arraycopy(out, o * d.columns() + image * p, y, (image * d.o() + group * d.og() + o) * p, p);
            }
        }
    }
}
