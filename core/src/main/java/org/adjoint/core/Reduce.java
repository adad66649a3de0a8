package org.adjoint.core;

import java.util.Arrays;

/**
 * Reduction kernels: sums, extrema and arg-extrema over a set of axes. Every reduction walks the
 * input once in row-major order and accumulates into the output element whose index is the input's
 * index with the reduced axes dropped.
 */
final class Reduce {

    /** How elements are combined along the reduced axes. */
    enum Kind {
        SUM(0), MAX(Double.NEGATIVE_INFINITY), MIN(Double.POSITIVE_INFINITY);

        final double identity;

        Kind(double identity) {
            this.identity = identity;
        }

        double combine(double acc, double x) {
            return switch (this) {
                case SUM -> acc + x;
                case MAX -> Math.max(acc, x);
                case MIN -> Math.min(acc, x);
            };
        }
    }

    private Reduce() {
    }

    /** Reduces {@code x} over {@code axes}; {@code axes} may be negative, must be distinct. */
    static Tensor reduce(String op, Tensor x, int[] axes, boolean keepDims, Kind kind) {
        boolean[] reduced = x.shape.reducedAxes(op, axes);
        Shape kept = x.shape.kept(reduced);
        // Only reducing over an empty axis needs an identity; an empty kept axis just gives an empty result.
        for (int a = 0; a < reduced.length; a++) {
            if (kind != Kind.SUM && reduced[a] && x.shape.dim(a) == 0) {
                throw new IllegalArgumentException(op + ": axis " + a + " of shape " + x.shape
                        + " is empty (no identity for " + kind.name().toLowerCase() + ")");
            }
        }
        double[] out = new double[kept.size()];
        Arrays.fill(out, kind.identity);
        int[] block = reducedBlock(x.shape, reduced);
        if (kind == Kind.SUM && out.length == 1) {
            out[0] = sumRange(x.data, 0, x.data.length);
        } else if (block != null) {
            reduceBlock(x.data, block[0], block[1], block[2], out, kind);
        } else if ((block = keptBlock(x.shape, reduced)) != null) {
            reduceAround(x.data, block[0], block[1], block[2], out, kind);
        } else {
            accumulate(x, outputStrides(x.shape, reduced), out, kind);
        }
        Shape shape = keepDims ? kept : x.shape.dropped(reduced);
        return new Tensor(shape, out);
    }

    /**
     * {@code {outer, reduced, inner}} extents when the reduced axes (ignoring axes of extent 1) form
     * one contiguous run, so that the input is an outer × reduced × inner array; null otherwise.
     */
    static int[] reducedBlock(Shape shape, boolean[] reduced) {
        int outer = 1;
        int extent = 1;
        int inner = 1;
        int phase = 0; // 0: before the run, 1: inside it, 2: after it
        for (int a = 0; a < reduced.length; a++) {
            int d = shape.dim(a);
            if (d == 1) {
                continue;
            }
            if (reduced[a]) {
                if (phase == 2) {
                    return null;
                }
                phase = 1;
                extent *= d;
            } else if (phase == 0) {
                outer *= d;
            } else {
                phase = 2;
                inner *= d;
            }
        }
        return new int[] {outer, extent, inner};
    }

    /**
     * {@code {outer, kept, inner}} extents when the kept axes (ignoring axes of extent 1) form one
     * contiguous run with reduced axes on both sides (a bias gradient's sum over N, H and W of
     * (N, C, H, W)); null otherwise.
     */
    static int[] keptBlock(Shape shape, boolean[] reduced) {
        boolean[] kept = new boolean[reduced.length];
        for (int a = 0; a < reduced.length; a++) {
            kept[a] = !reduced[a];
        }
        return reducedBlock(shape, kept);
    }

    /**
     * {@code out[k] = combine over o, i of in[(o·kept + k)·inner + i]}: each contiguous run of
     * {@code inner} elements is reduced on its own, then combined into its output element.
     */
    private static void reduceAround(double[] in, int outer, int kept, int inner, double[] out, Kind kind) {
        for (int o = 0; o < outer; o++) {
            for (int k = 0; k < kept; k++) {
                int base = (o * kept + k) * inner;
                double run = switch (kind) {
                    case SUM -> sumRange(in, base, base + inner);
                    case MAX -> maxRange(in, base, base + inner);
                    case MIN -> minRange(in, base, base + inner);
                };
                out[k] = kind.combine(out[k], run);
            }
        }
    }

    /**
     * {@code out[o·inner + i] = combine over r of in[(o·extent + r)·inner + i]}: whole rows of
     * {@code inner} elements are combined at a time (a loop the JIT vectorizes), or, when
     * {@code inner} is 1, each contiguous run of {@code extent} elements.
     */
    private static void reduceBlock(double[] in, int outer, int extent, int inner, double[] out, Kind kind) {
        for (int o = 0; o < outer; o++) {
            int base = o * extent * inner;
            if (inner == 1) {
                out[o] = switch (kind) {
                    case SUM -> sumRange(in, base, base + extent);
                    case MAX -> maxRange(in, base, base + extent);
                    case MIN -> minRange(in, base, base + extent);
                };
                continue;
            }
            int target = o * inner;
            for (int r = 0; r < extent; r++) {
                int row = base + r * inner;
                switch (kind) {
                    case SUM -> {
                        for (int i = 0; i < inner; i++) {
                            out[target + i] += in[row + i];
                        }
                    }
                    case MAX -> {
                        for (int i = 0; i < inner; i++) {
                            out[target + i] = Math.max(out[target + i], in[row + i]);
                        }
                    }
                    case MIN -> {
                        for (int i = 0; i < inner; i++) {
                            out[target + i] = Math.min(out[target + i], in[row + i]);
                        }
                    }
                }
            }
        }
    }

    static double maxRange(double[] in, int from, int to) {
        double m = Double.NEGATIVE_INFINITY;
        for (int i = from; i < to; i++) {
            m = Math.max(m, in[i]);
        }
        return m;
    }

    static double minRange(double[] in, int from, int to) {
        double m = Double.POSITIVE_INFINITY;
        for (int i = from; i < to; i++) {
            m = Math.min(m, in[i]);
        }
        return m;
    }

    private static void accumulate(Tensor x, int[] target, double[] out, Kind kind) {
        double[] in = x.data;
        int rank = x.rank();
        int[] dims = x.shape.dims();
        int[] index = new int[rank];
        int o = 0;
        for (int i = 0; i < in.length; i++) {
            out[o] = kind.combine(out[o], in[i]);
            for (int d = rank - 1; d >= 0; d--) {
                o += target[d];
                if (++index[d] < dims[d]) {
                    break;
                }
                o -= target[d] * dims[d];
                index[d] = 0;
            }
        }
    }

    /**
     * {@code Σ in[from..to)} with four independent accumulators: fewer dependent additions in flight,
     * and the JIT vectorizes it. Every sum over contiguous elements goes through here, so a row sum
     * and a total give the same bits whichever path computed them.
     */
    static double sumRange(double[] in, int from, int to) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = from;
        for (; i + 3 < to; i += 4) {
            s0 += in[i];
            s1 += in[i + 1];
            s2 += in[i + 2];
            s3 += in[i + 3];
        }
        for (; i < to; i++) {
            s0 += in[i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * The index of the largest element along {@code axis}; the first one wins ties, and NaN counts as
     * larger than any number, as in NumPy.
     */
    static Tensor argmax(Tensor x, int axis) {
        int a = x.shape.axis("argmax", axis);
        int n = x.shape.dim(a);
        if (n == 0) {
            throw new IllegalArgumentException("argmax: axis " + axis + " of shape " + x.shape + " is empty");
        }
        int stride = x.shape.strides()[a];
        boolean[] reduced = new boolean[x.rank()];
        reduced[a] = true;
        Shape shape = x.shape.dropped(reduced);
        double[] out = new double[shape.size()];
        int outer = 1;
        for (int i = 0; i < a; i++) {
            outer *= x.shape.dim(i); // not x.size() / (n · stride): stride is 0 when a later axis is empty
        }
        for (int p = 0; p < outer; p++) {
            for (int q = 0; q < stride; q++) {
                int base = p * n * stride + q;
                int best = 0;
                double bestValue = x.data[base];
                for (int k = 1; k < n && !Double.isNaN(bestValue); k++) {
                    double v = x.data[base + k * stride];
                    if (v > bestValue || Double.isNaN(v)) {
                        best = k;
                        bestValue = v;
                    }
                }
                out[p * stride + q] = best;
            }
        }
        return new Tensor(shape, out);
    }

    /**
     * Sums {@code x} down to {@code shape}, undoing a broadcast: the adjoint of
     * {@link Tensor#broadcastTo(Shape)}.
     */
    static Tensor sumTo(Tensor x, Shape shape) {
        if (x.shape.equals(shape)) {
            return x;
        }
        if (!shape.broadcastsTo(x.shape)) {
            throw new IllegalArgumentException("sumTo: shape " + x.shape + " cannot be summed to " + shape
                    + " (" + shape + " does not broadcast to " + x.shape + ")");
        }
        int offset = x.rank() - shape.rank();
        int[] axes = new int[x.rank()];
        int count = 0;
        for (int i = 0; i < x.rank(); i++) {
            if (i < offset || shape.dim(i - offset) == 1 && x.shape.dim(i) != 1) {
                axes[count++] = i;
            }
        }
        Tensor summed = reduce("sumTo", x, Arrays.copyOf(axes, count), true, Kind.SUM);
        return summed.reshape(shape.dims());
    }

    /** Strides into the kept-dims output, zero along reduced axes. */
    private static int[] outputStrides(Shape shape, boolean[] reduced) {
        int[] strides = shape.kept(reduced).strides();
        for (int i = 0; i < strides.length; i++) {
            if (reduced[i]) {
                strides[i] = 0;
            }
        }
        return strides;
    }
}
