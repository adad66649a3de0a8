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
                planeMax(x.data, plane, h, w, kh, kw, g, oh, ow, indices);
            }
        });
        return indices;
    }

    /** The indices of one plane's window maxima; unpadded 2×2 windows (the usual pooling) take a short loop. */
    private static void planeMax(double[] x, int plane, int h, int w, int kh, int kw, ConvGeometry g, int oh, int ow,
                                 int[] out) {
        int base = plane * h * w;
        int o = plane * oh * ow;
        boolean unpadded = g.padTop() == 0 && g.padBottom() == 0 && g.padLeft() == 0 && g.padRight() == 0;
        if (unpadded && kh == 2 && kw == 2) {
            int rowStep = g.dilationH() * w;
            int columnStep = g.dilationW();
            int down = g.strideH() * w;
            int across = g.strideW();
            for (int r = 0; r < oh; r++) {
                int rowStart = base + r * down;
                for (int s = 0; s < ow; s++) {
                    out[o++] = insideMax2x2(x, rowStart + s * across, rowStep, columnStep);
                }
            }
            return;
        }
        for (int r = 0; r < oh; r++) {
            for (int s = 0; s < ow; s++) {
                out[o++] = windowMax(x, base, h, w, kh, kw, g, r, s);
            }
        }
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

    /**
     * {@link #insideMax} for a 2×2 window, as a tournament: the first maximum of each row, then the
     * first row's unless the second's is larger (or NaN). Written with {@code &}, integer conditional
     * expressions and {@link Math#max} (NaN if either is), which the JIT compiles without branches: where
     * the maximum lies is random, and a branch on it mispredicts half the time (measured five times slower,
     * as is a conditional expression choosing between doubles).
     */
    private static int insideMax2x2(double[] x, int corner, int rowStep, int columnStep) {
        int second = corner + rowStep;
        double a = x[corner];
        double b = x[corner + columnStep];
        double c = x[second];
        double d = x[second + columnStep];
        boolean bWins = a == a & !(b <= a);
        boolean dWins = c == c & !(d <= c);
        double top = Math.max(a, b); // the winner's value, up to the sign of a zero, which no comparison sees
        double bottom = Math.max(c, d);
        int topIndex = bWins ? corner + columnStep : corner;
        int bottomIndex = dWins ? second + columnStep : second;
        return top == top & !(bottom <= top) ? bottomIndex : topIndex;
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
