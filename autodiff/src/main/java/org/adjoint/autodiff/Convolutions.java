package org.adjoint.autodiff;

import java.util.Objects;
import org.adjoint.core.ConvGeometry;
import org.adjoint.core.Shape;
import org.adjoint.core.Tensor;

/**
 * Convolutions and pooling with PyTorch's argument conventions ({@code torch.nn.functional}):
 * inputs (N, C, H, W) or, for {@code conv1d}, (N, C, L).
 *
 * <p>{@code conv2d} records one {@link org.adjoint.autodiff.ops.Conv2d} op (plus a broadcast add of the
 * bias); its input and weight gradients are themselves ops, so second derivatives of a CNN are exact.
 * Average pooling is a depthwise convolution with a constant kernel, adaptive average pooling two
 * products with constant averaging matrices, and max pooling a selection
 * ({@link org.adjoint.autodiff.ops.TakeFlat}) of each window's maximum.
 *
 * <p><b>Subgradient of max pooling at ties.</b> When several elements of a window share the maximum,
 * the whole cotangent of that output goes to the <em>first</em> of them in row-major order within
 * the window (as PyTorch's CPU kernel does); the others get zero. Overlapping windows add their
 * contributions. A NaN in a window is its maximum.
 */
public final class Convolutions {

    private Convolutions() {
    }

    /** {@code F.conv2d(x, weight, None, stride, padding, dilation, groups)}: no bias, integer padding. */
    public static Var conv2d(Var x, Var weight, int stride, int padding, int dilation, int groups) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(weight, "weight");
        return x.conv2d(weight, ConvGeometry.of(stride, padding, dilation, groups));
    }

    /** {@code F.conv2d(x, weight, bias, stride, padding, dilation, groups)}; {@code bias} has one value per output channel. */
    public static Var conv2d(Var x, Var weight, Var bias, int stride, int padding, int dilation, int groups) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(weight, "weight");
        Objects.requireNonNull(bias, "bias");
        return withBias(conv2d(x, weight, stride, padding, dilation, groups), bias, "conv2d");
    }

    /** {@code F.conv2d(x, weight, None, padding="same")}: stride 1, output the input's height and width. */
    public static Var conv2dSame(Var x, Var weight, int dilation, int groups) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(weight, "weight");
        requireRank("conv2d", weight, 4, "(O, C/groups, kH, kW)");
        return x.conv2d(weight, ConvGeometry.same(weight.shape().dim(2), weight.shape().dim(3), dilation, groups));
    }

    /** {@code F.conv2d(x, weight, bias, padding="same")}. */
    public static Var conv2dSame(Var x, Var weight, Var bias, int dilation, int groups) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(weight, "weight");
        Objects.requireNonNull(bias, "bias");
        return withBias(conv2dSame(x, weight, dilation, groups), bias, "conv2d");
    }

    /** {@code F.conv1d(x, weight, None, stride, padding, dilation, groups)}: x (N, C, L), weight (O, C/groups, k). */
    public static Var conv1d(Var x, Var weight, int stride, int padding, int dilation, int groups) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(weight, "weight");
        return conv1d(x, weight, null, new ConvGeometry(1, stride, 0, 0, padding, padding, 1, dilation, groups));
    }

    /** {@code F.conv1d(x, weight, bias, stride, padding, dilation, groups)}. */
    public static Var conv1d(Var x, Var weight, Var bias, int stride, int padding, int dilation, int groups) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(weight, "weight");
        Objects.requireNonNull(bias, "bias");
        return conv1d(x, weight, bias, new ConvGeometry(1, stride, 0, 0, padding, padding, 1, dilation, groups));
    }

    /** {@code F.conv1d(x, weight, None, padding="same")}: stride 1, output the input's length. */
    public static Var conv1dSame(Var x, Var weight, int dilation, int groups) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(weight, "weight");
        return conv1d(x, weight, null, sameAlongLength(weight, dilation, groups));
    }

    /** {@code F.conv1d(x, weight, bias, padding="same")}. */
    public static Var conv1dSame(Var x, Var weight, Var bias, int dilation, int groups) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(weight, "weight");
        Objects.requireNonNull(bias, "bias");
        return conv1d(x, weight, bias, sameAlongLength(weight, dilation, groups));
    }

    private static ConvGeometry sameAlongLength(Var weight, int dilation, int groups) {
        requireRank("conv1d", weight, 3, "(O, C/groups, k)");
        ConvGeometry same = ConvGeometry.same(1, weight.shape().dim(2), dilation, groups);
        return new ConvGeometry(1, 1, 0, 0, same.padLeft(), same.padRight(), 1, dilation, groups);
    }

    /** {@code bias} may be null here (the public overloads decide). */
    private static Var conv1d(Var x, Var weight, Var bias, ConvGeometry g) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(weight, "weight");
        requireRank("conv1d", x, 3, "(N, C, L)");
        requireRank("conv1d", weight, 3, "(O, C/groups, k)");
        Shape xs = x.shape();
        Shape ws = weight.shape();
        Var y = x.reshape(xs.dim(0), xs.dim(1), 1, xs.dim(2))
                .conv2d(weight.reshape(ws.dim(0), ws.dim(1), 1, ws.dim(2)), g);
        Var flat = y.reshape(y.shape().dim(0), y.shape().dim(1), y.shape().dim(3));
        if (bias == null) {
            return flat;
        }
        requireBias("conv1d", bias, ws.dim(0));
        return flat.add(bias.reshape(1, ws.dim(0), 1));
    }

    /**
     * {@code F.max_pool2d(x, kernel, stride, padding)}: the maximum of each window, padding counting as
     * −∞. Ties: the first maximum in the window (see the class notes).
     */
    public static Var maxPool2d(Var x, int kernel, int stride, int padding) {
        Objects.requireNonNull(x, "x");
        ConvGeometry g = poolGeometry("maxPool2d", x, kernel, stride, padding);
        Shape out = g.outputShape("maxPool2d", x.shape(), Shape.of(x.shape().dim(1), x.shape().dim(1), kernel, kernel));
        return x.takeFlat(x.value().maxPool2dIndices(kernel, kernel, g), out);
    }

    /**
     * {@code F.avg_pool2d(x, kernel, stride, padding)} with PyTorch's default
     * {@code count_include_pad=True}: every window's sum divided by {@code kernel²}, padded zeros included.
     */
    public static Var avgPool2d(Var x, int kernel, int stride, int padding) {
        Objects.requireNonNull(x, "x");
        ConvGeometry g = poolGeometry("avgPool2d", x, kernel, stride, padding);
        int channels = x.shape().dim(1);
        ConvGeometry depthwise = new ConvGeometry(stride, stride, padding, padding, padding, padding, 1, 1, channels);
        Tensor mean = Tensor.full(Shape.of(channels, 1, kernel, kernel), 1.0 / (kernel * kernel));
        g.outputShape("avgPool2d", x.shape(), Shape.of(channels, channels, kernel, kernel));
        return x.conv2d(Var.constant(mean), depthwise);
    }

    /**
     * {@code F.adaptive_avg_pool2d(x, (height, width))}: output cell (i, j) averages input rows
     * {@code [⌊iH/height⌋, ⌈(i+1)H/height⌉)} and the columns likewise.
     */
    public static Var adaptiveAvgPool2d(Var x, int height, int width) {
        Objects.requireNonNull(x, "x");
        requireRank("adaptiveAvgPool2d", x, 4, "(N, C, H, W)");
        if (height < 1 || width < 1) {
            throw new IllegalArgumentException("adaptiveAvgPool2d: output size " + height + "×" + width
                    + " must be positive");
        }
        Shape s = x.shape();
        int planes = s.dim(0) * s.dim(1);
        Var rows = x.reshape(planes * s.dim(2), s.dim(3)).matmulTransposed(averaging(s.dim(3), width));
        Var swapped = rows.reshape(planes, s.dim(2), width).permute(0, 2, 1).reshape(planes * width, s.dim(2));
        Var both = swapped.matmulTransposed(averaging(s.dim(2), height));
        return both.reshape(planes, width, height).permute(0, 2, 1).reshape(s.dim(0), s.dim(1), height, width);
    }

    /** The {@code out × size} matrix averaging each adaptive bin. */
    private static Var averaging(int size, int out) {
        double[] a = new double[out * size];
        for (int i = 0; i < out; i++) {
            int start = Math.floorDiv(i * size, out);
            int end = -Math.floorDiv(-(i + 1) * size, out);
            for (int r = start; r < end; r++) {
                a[i * size + r] = 1.0 / (end - start);
            }
        }
        return Var.constant(Tensor.of(Shape.of(out, size), a));
    }

    private static ConvGeometry poolGeometry(String op, Var x, int kernel, int stride, int padding) {
        requireRank(op, x, 4, "(N, C, H, W)");
        if (kernel < 1 || stride < 1 || padding < 0 || 2 * padding > kernel) {
            throw new IllegalArgumentException(op + ": kernel " + kernel + ", stride " + stride + ", padding "
                    + padding + " — need kernel ≥ 1, stride ≥ 1 and 0 ≤ padding ≤ kernel/2");
        }
        return ConvGeometry.of(stride, padding, 1, 1);
    }

    private static Var withBias(Var y, Var bias, String op) {
        int channels = y.shape().dim(1);
        requireBias(op, bias, channels);
        return y.add(bias.reshape(1, channels, 1, 1));
    }

    private static void requireBias(String op, Var bias, int channels) {
        if (!bias.shape().equals(Shape.of(channels))) {
            throw new IllegalArgumentException(op + ": bias " + bias.shape() + " must have shape [" + channels
                    + "], one value per output channel");
        }
    }

    private static void requireRank(String op, Var v, int rank, String layout) {
        if (v.shape().rank() != rank) {
            throw new IllegalArgumentException(op + ": shape " + v.shape() + " must have rank " + rank + ": " + layout);
        }
    }
}
