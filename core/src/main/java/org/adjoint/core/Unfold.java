package org.adjoint.core;

/**
 * im2col and its adjoint for one image and one group of a convolution. Tap t = (c, i, j) of output
 * position q = (r, s) reads input element (c, r·strideH − padTop + i·dilationH, s·strideW − padLeft +
 * j·dilationW), or zero in the padding. For each tap and output row, the output columns whose input
 * column lies inside the image form one range, computed once, so the inner loops have no bounds tests
 * (and with stride 1 are plain copies).
 */
final class Unfold {

    private Unfold() {
    }

    /**
     * Unrolls image {@code image}, group {@code group} into the {@code taps × P} matrix {@code col}: tap t
     * of position q goes to {@code col[t·P + q]}. Taps that fall in the padding are not written: they are
     * the same for every image, so the caller zeroes {@code col} once per convolution, and it stays zero
     * there when it is reused for other images and groups of the same convolution (zeroing them for every image was a
     * tenth of a CNN's training step).
     */
    static void im2col(double[] x, Convolution.Dims d, int image, int group, double[] col) {
        ConvGeometry g = d.g();
        int ow = d.ow();
        for (int c = 0; c < d.cg(); c++) {
            int plane = (image * d.c() + group * d.cg() + c) * d.h() * d.w();
            for (int i = 0; i < d.kh(); i++) {
                for (int j = 0; j < d.kw(); j++) {
                    int tap = (c * d.kh() + i) * d.kw() + j;
                    int offset = j * g.dilationW() - g.padLeft();
                    int lo = firstInside(offset, g.strideW(), ow);
                    int hi = endInside(offset, g.strideW(), d.w(), lo, ow);
                    if (lo == hi) {
                        continue; // the tap lies in the padding for every position
                    }
                    for (int r = 0; r < d.oh(); r++) {
                        int row = r * g.strideH() - g.padTop() + i * g.dilationH();
                        if (row < 0 || row >= d.h()) {
                            continue;
                        }
                        int from = plane + row * d.w() + offset;
                        int base = (tap * d.oh() + r) * ow;
                        if (g.strideW() == 1) {
                            System.arraycopy(x, from + lo, col, base + lo, hi - lo);
                        } else {
                            for (int s = lo; s < hi; s++) {
                                col[base + s] = x[from + s * g.strideW()];
                            }
                        }
                    }
                }
            }
        }
    }

    /**
     * {@link #im2col} into the transposed, {@code P × taps} layout: {@code colT[q·taps + t]}. It runs over
     * positions and, for each, copies the taps in order, so every write is sequential (a strided scatter
     * in the {@code taps × P} loop order was a seventh of a CNN step). Padding taps are not written, as there.
     */
    static void im2colTransposed(double[] x, Convolution.Dims d, int image, int group, double[] colT) {
        ConvGeometry g = d.g();
        int taps = d.taps();
        for (int r = 0; r < d.oh(); r++) {
            for (int s = 0; s < d.ow(); s++) {
                int q = (r * d.ow() + s) * taps;
                int left = s * g.strideW() - g.padLeft();
                int lo = firstInside(left, g.dilationW(), d.kw());
                int hi = endInside(left, g.dilationW(), d.w(), lo, d.kw());
                for (int c = 0; c < d.cg(); c++) {
                    int plane = (image * d.c() + group * d.cg() + c) * d.h() * d.w();
                    for (int i = 0; i < d.kh(); i++) {
                        int row = r * g.strideH() - g.padTop() + i * g.dilationH();
                        if (row < 0 || row >= d.h()) {
                            continue;
                        }
                        int from = plane + row * d.w() + left;
                        int to = q + (c * d.kh() + i) * d.kw();
                        for (int j = lo; j < hi; j++) {
                            colT[to + j] = x[from + j * g.dilationW()];
                        }
                    }
                }
            }
        }
    }

    /** The adjoint of {@link #im2col} in the {@code taps × P} layout: adds each tap back to its input element. */
    static void col2im(double[] col, Convolution.Dims d, int image, int group, double[] x) {
        ConvGeometry g = d.g();
        int ow = d.ow();
        int positions = d.positions();
        for (int c = 0; c < d.cg(); c++) {
            int plane = (image * d.c() + group * d.cg() + c) * d.h() * d.w();
            for (int i = 0; i < d.kh(); i++) {
                for (int j = 0; j < d.kw(); j++) {
                    int tap = (c * d.kh() + i) * d.kw() + j;
                    int offset = j * g.dilationW() - g.padLeft();
                    int lo = firstInside(offset, g.strideW(), ow);
                    int hi = endInside(offset, g.strideW(), d.w(), lo, ow);
                    int stride = g.strideW();
                    for (int r = 0; r < d.oh(); r++) {
                        int row = r * g.strideH() - g.padTop() + i * g.dilationH();
                        if (row < 0 || row >= d.h()) {
                            continue;
                        }
                        int base = tap * positions + r * ow;
                        int to = plane + row * d.w() + offset;
                        for (int s = lo; s < hi; s++) {
                            x[to + s * stride] += col[base + s];
                        }
                    }
                }
            }
        }
    }

    /**
     * The first s ≥ 0 with s·stride + offset ≥ 0, at most {@code ow}: the first output column whose input
     * column is inside the image, or the first kernel column inside it (stride = dilation).
     */
    static int firstInside(int offset, int stride, int ow) {
        return offset >= 0 ? 0 : Math.min(ow, (-offset + stride - 1) / stride);
    }

    /** One past the last s with s·stride + offset below {@code w}, clamped to [lo, ow]. */
    static int endInside(int offset, int stride, int w, int lo, int ow) {
        int room = w - offset;
        int end = room <= 0 ? 0 : (room + stride - 1) / stride;
        return Math.max(lo, Math.min(ow, end));
    }
}
