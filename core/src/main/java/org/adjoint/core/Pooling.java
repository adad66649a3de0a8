package org.adjoint.core;

/** Max-pooling windows and flat gathers, on row-major arrays. */
final class Pooling {

    /** Planes per parallel chunk: a plane's windows are a few microseconds of work. */
    private static final int PLANE_GRAIN = 16;

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
        Parallel.forRange(planes, PLANE_GRAIN, (from, to) -> {
            for (int plane = from; plane < to; plane++) {
                for (int r = 0; r < oh; r++) {
                    for (int s = 0; s < ow; s++) {
                        indices[(plane * oh + r) * ow + s] = windowMax(x.data, plane * h * w, h, w, kh, kw, g, r, s);
                    }
                }
            }
        });
        return indices;
    }

    /**
     * The window's first maximum. A candidate replaces the best so far when the best is not NaN and the
     * candidate is not ≤ it (so when it is larger or NaN); a NaN best is never replaced.
     */
    private static int windowMax(double[] x, int plane, int h, int w, int kh, int kw, ConvGeometry g, int r, int s) {
        int top = r * g.strideH() - g.padTop();
        int left = s * g.strideW() - g.padLeft();
        if (top >= 0 && left >= 0 && top + (kh - 1) * g.dilationH() < h && left + (kw - 1) * g.dilationW() < w) {
            return insideMax(x, plane + top * w + left, kh, kw, g.dilationH() * w, g.dilationW());
        }
        int best = -1;
        double bestValue = Double.NaN;
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
                if (best < 0 || bestValue == bestValue && !(v <= bestValue)) {
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

    /** {@link #windowMax} for a window with no tap in the padding, its first tap at {@code corner}. */
    private static int insideMax(double[] x, int corner, int kh, int kw, int rowStep, int columnStep) {
        int best = corner;
        double bestValue = x[corner];
        for (int i = 0; i < kh; i++) {
            int row = corner + i * rowStep;
            for (int j = 0; j < kw; j++) {
                int index = row + j * columnStep;
                double v = x[index];
                if (bestValue == bestValue && !(v <= bestValue)) {
                    best = index;
                    bestValue = v;
                }
            }
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
