package org.adjoint.core;

/**
 * How a two-dimensional convolution slides its kernel, as {@code torch.nn.functional.conv2d} takes it:
 * strides, zero padding on each side (the four sides may differ, which "same" padding needs for an
 * even kernel), dilations and the number of groups. A value: validated once, compared by its fields.
 *
 * @param strideH   vertical step between output rows, ≥ 1
 * @param strideW   horizontal step between output columns, ≥ 1
 * @param padTop    zero rows added above the input, ≥ 0
 * @param padBottom zero rows added below the input, ≥ 0
 * @param padLeft   zero columns added left of the input, ≥ 0
 * @param padRight  zero columns added right of the input, ≥ 0
 * @param dilationH vertical spacing between kernel taps, ≥ 1
 * @param dilationW horizontal spacing between kernel taps, ≥ 1
 * @param groups    input and output channels split into this many independent groups, ≥ 1
 */
public record ConvGeometry(int strideH, int strideW, int padTop, int padBottom, int padLeft, int padRight,
                           int dilationH, int dilationW, int groups) {

    /** Validates every field, naming the bad one. */
    public ConvGeometry {
        requireAtLeast("strideH", strideH, 1);
        requireAtLeast("strideW", strideW, 1);
        requireAtLeast("padTop", padTop, 0);
        requireAtLeast("padBottom", padBottom, 0);
        requireAtLeast("padLeft", padLeft, 0);
        requireAtLeast("padRight", padRight, 0);
        requireAtLeast("dilationH", dilationH, 1);
        requireAtLeast("dilationW", dilationW, 1);
        requireAtLeast("groups", groups, 1);
    }

    /** Stride 1, no padding, no dilation, one group. */
    public static ConvGeometry unit() {
        return new ConvGeometry(1, 1, 0, 0, 0, 0, 1, 1, 1);
    }

    /** The same stride, padding and dilation on both axes, padding symmetric. */
    public static ConvGeometry of(int stride, int padding, int dilation, int groups) {
        return new ConvGeometry(stride, stride, padding, padding, padding, padding, dilation, dilation, groups);
    }

    /**
     * PyTorch's {@code padding="same"} for stride 1: a total of {@code dilation·(k − 1)} zeros per axis,
     * the odd one (for an even kernel) on the bottom and right, as PyTorch places it.
     */
    public static ConvGeometry same(int kernelH, int kernelW, int dilation, int groups) {
        int totalH = dilation * (kernelH - 1);
        int totalW = dilation * (kernelW - 1);
        return new ConvGeometry(1, 1, totalH / 2, totalH - totalH / 2, totalW / 2, totalW - totalW / 2,
                dilation, dilation, groups);
    }

    /**
     * The output shape {@code (N, O, OH, OW)} of convolving an input {@code (N, C, H, W)} with a weight
     * {@code (O, C/groups, kH, kW)}.
     *
     * @throws IllegalArgumentException naming {@code op} and the shapes when they do not fit
     */
    public Shape outputShape(String op, Shape input, Shape weight) {
        java.util.Objects.requireNonNull(op, "op");
        java.util.Objects.requireNonNull(input, "input");
        java.util.Objects.requireNonNull(weight, "weight");
        if (input.rank() != 4 || weight.rank() != 4) {
            throw new IllegalArgumentException(op + ": input " + input + " and weight " + weight
                    + " must both have rank 4: (N, C, H, W) and (O, C/groups, kH, kW)");
        }
        int c = input.dim(1);
        int o = weight.dim(0);
        if (c % groups != 0 || o % groups != 0 || weight.dim(1) != c / groups) {
            throw new IllegalArgumentException(op + ": input " + input + " and weight " + weight + " with groups "
                    + groups + " — channels " + c + " and " + o + " must be multiples of groups and the weight's"
                    + " second axis must be C/groups = " + (c % groups == 0 ? c / groups : "?"));
        }
        int oh = outputSize(input.dim(2), weight.dim(2), strideH, padTop + padBottom, dilationH);
        int ow = outputSize(input.dim(3), weight.dim(3), strideW, padLeft + padRight, dilationW);
        if (oh < 1 || ow < 1) {
            throw new IllegalArgumentException(op + ": input " + input + " (padded by " + this
                    + ") is smaller than the dilated kernel of weight " + weight);
        }
        return Shape.of(input.dim(0), o, oh, ow);
    }

    private static int outputSize(int size, int kernel, int stride, int padding, int dilation) {
        int span = size + padding - dilation * (kernel - 1) - 1;
        return span < 0 ? 0 : span / stride + 1;
    }

    private static void requireAtLeast(String name, int value, int least) {
        if (value < least) {
            throw new IllegalArgumentException("ConvGeometry: " + name + " must be at least " + least + ", got " + value);
        }
    }
}
