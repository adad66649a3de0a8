package org.adjoint.core;

/** Max-pooling windows and flat gathers, on row-major arrays. */
final class Pooling {

    private Pooling() {
    }

    /**
     * For x (N, C, H, W), the flat index into x of each window's maximum, in output order
     * (N, C, OH, OW). Windows are {@code kh × kw}, placed by {@code g} (padding counts as −∞, so a
     * padded window still picks a real element). Ties go to the first maximum in row-major order
     * within the window, as PyTorch does; a NaN counts as a maximum and wins over any later value.
     */
    static int[] maxIndices(Tensor x, int kh, int kw, ConvGeometry g) {
        java.util.Objects.requireNonNull(g, "geometry");
        Shape y = g.outputShape("maxPool2d", x.shape, Shape.of(x.shape.dim(1), x.shape.dim(1), kh, kw));
        int h = x.shape.dim(2);
        int w = x.shape.dim(3);
        int oh = y.dim(2);
        int ow = y.dim(3);
        int planes = x.shape.dim(0) * x.shape.dim(1);
        int[] indices = new int[planes * oh * ow];
        for (int plane = 0; plane < planes; plane++) {
            for (int r = 0; r < oh; r++) {
                for (int s = 0; s < ow; s++) {
                    indices[(plane * oh + r) * ow + s] = windowMax(x.data, plane * h * w, h, w, kh, kw, g, r, s);
                }
            }
        }
        return indices;
    }

    private static int windowMax(double[] x, int plane, int h, int w, int kh, int kw, ConvGeometry g, int r, int s) {
        int best = -1;
        double bestValue = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < kh; i++) {
            int row = r * g.strideH() - g.padTop() + i * g.dilationH();
            if (row < 0 || row >= h) {
                continue;
            }
            for (int j = 0; j < kw; j++) {
                int column = s * g.strideW() - g.padLeft() + j * g.dilationW();
                if (column < 0 || column >= w) {
                    continue;
                }
                int index = plane + row * w + column;
                double v = x[index];
                if (best < 0 || v > bestValue || Double.isNaN(v) && !Double.isNaN(bestValue)) {
                    best = index;
                    bestValue = v;
                }
            }
        }
        if (best < 0) {
            throw new IllegalArgumentException("maxPool2d: window (" + r + ", " + s + ") lies entirely in the padding "
                    + g + "; padding must be at most half the kernel");
        }
        return best;
    }

    /** {@code y.flat[i] = x.flat[indices[i]]}, shaped {@code shape}. */
    static Tensor takeFlat(Tensor x, int[] indices, Shape shape) {
        java.util.Objects.requireNonNull(indices, "indices");
        java.util.Objects.requireNonNull(shape, "shape");
        requireCount("takeFlat", indices, shape);
        double[] y = new double[indices.length];
        for (int i = 0; i < indices.length; i++) {
            y[i] = x.data[checked("takeFlat", indices[i], x.data.length)];
        }
        return new Tensor(shape, y);
    }

    /** The adjoint of {@link #takeFlat}: zeros of {@code shape} with {@code x.flat[i]} added at {@code indices[i]}. */
    static Tensor scatterAddFlat(Tensor x, int[] indices, Shape shape) {
        java.util.Objects.requireNonNull(indices, "indices");
        java.util.Objects.requireNonNull(shape, "shape");
        requireCount("scatterAddFlat", indices, x.shape);
        double[] y = new double[shape.size()];
        for (int i = 0; i < indices.length; i++) {
            y[checked("scatterAddFlat", indices[i], y.length)] += x.data[i];
        }
        return new Tensor(shape, y);
    }

    private static void requireCount(String op, int[] indices, Shape shape) {
        if (indices.length != shape.size()) {
            throw new IllegalArgumentException(op + ": " + indices.length + " indices for shape " + shape + " of "
                    + shape.size() + " elements");
        }
    }

    private static int checked(String op, int index, int size) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException(op + ": index " + index + " outside [0, " + size + ")");
        }
        return index;
    }
}
