package org.adjoint.core;

import org.adjoint.core.internal.Buffers;

/**
 * Elementwise kernels: one function applied to every element, or to aligned pairs of elements under
 * NumPy broadcasting. Plain loops over {@code double[]} that the JIT can unroll and vectorize.
 */
final class Elementwise {

    /** The most elements a broadcast operand is expanded into at once. */
    private static final int CHUNK = 1024;

    /**
     * Rows shorter than this are not walked one by one (the per-row overhead would dominate): the
     * operands are expanded to the full shape and combined in one loop.
     */
    private static final int SHORT_RUN = 32;

    /**
     * A loop over one array: {@code out[i] = f(x[i])} for every i in {@code [from, to)}. Each operation supplies its own
     * loop (see {@link Loops}), so the code the JIT compiles and vectorizes is specific to it; a loop
     * shared by all operations would call them through one megamorphic site, element by element.
     */
    @FunctionalInterface
    interface UnaryLoop {
        void run(double[] x, double[] out, int from, int to);
    }

    /** A loop over contiguous runs: {@code out[oo + i] = f(x[xo + i], y[yo + i])} for {@code i < n}. */
    @FunctionalInterface
    interface BinaryLoop {
        void run(double[] x, int xo, double[] y, int yo, double[] out, int oo, int n);
    }

    /** Elements above which an elementwise loop is split across threads. */
    static final int PARALLEL_ELEMENTS = 1 << 16;

    /** Elements per chunk of a split loop: whole cache lines, and enough work to be worth a hand-off. */
    private static final int GRAIN = 1 << 12;

    private Elementwise() {
    }

    /** Runs {@code body} over {@code [0, n)}, split across threads when n exceeds {@link #PARALLEL_ELEMENTS}. */
    static void split(int n, Parallel.Range body) {
        if (n <= PARALLEL_ELEMENTS) {
            body.run(0, n);
        } else {
            Parallel.forRange(n, GRAIN, body);
        }
    }

    static Tensor map(Tensor x, UnaryLoop loop) {
        double[] in = x.data;
        double[] out = Buffers.allocate(in.length);
        if (out.length <= PARALLEL_ELEMENTS) {
            loop.run(in, out, 0, out.length);
        } else {
            Parallel.forRange(out.length, GRAIN, (from, to) -> loop.run(in, out, from, to));
        }
        return new Tensor(x.shape, out);
    }

    /**
     * The loop applied to aligned elements of {@code a} and {@code b} under broadcasting. Equal shapes
     * run in one call, and so do results with short rows, after expanding the operands; otherwise the
     * result is walked in contiguous runs along its last axis, and an operand broadcast along that
     * axis (stride 0) is first expanded into a small buffer.
     */
    static Tensor zip(String op, Tensor a, Tensor b, BinaryLoop loop) {
        Shape shape = Shape.broadcast(op, a.shape, b.shape);
        double[] out = Buffers.allocate(shape.size());
        boolean aFull = a.data.length == out.length;
        boolean bFull = b.data.length == out.length;
        double[] period = aFull != bFull && out.length > CHUNK ? Layout.period(aFull ? b : a, shape) : null;
        if (period != null) {
            repeated(aFull ? a.data : period, aFull, aFull ? period : b.data, out, loop);
        } else if (aFull && bFull || shape.rank() > 0 && shape.dim(-1) < SHORT_RUN) {
            double[] x = Layout.broadcastTo(a, shape).data;
            double[] y = Layout.broadcastTo(b, shape).data;
            if (out.length <= PARALLEL_ELEMENTS) {
                loop.run(x, 0, y, 0, out, 0, out.length);
            } else {
                Parallel.forRange(out.length, GRAIN, (from, to) -> loop.run(x, from, y, from, out, from, to - from));
            }
        } else if (out.length > 0) {
            runs(a.data, broadcastStrides(a.shape, shape), b.data, broadcastStrides(b.shape, shape), shape, out, loop);
        }
        return new Tensor(shape, out);
    }

    /**
     * The loop over a full-size operand and one whose expansion repeats whole: a bias added to every
     * row of a batch, or a per-channel bias added to every image (its period, one image's worth, see
     * {@link Layout#period}). The period is laid out a few times over in a buffer of at least
     * {@link #CHUNK} elements, and the loop runs buffer by buffer against it (split across threads
     * when large), with no full-size expanded copy.
     */
    private static void repeated(double[] a, boolean aFull, double[] b, double[] out, BinaryLoop loop) {
        double[] block = aFull ? b : a;
        double[] buffer = block.length >= CHUNK ? block : new double[block.length * (CHUNK / block.length)];
        if (buffer != block) {
            Layout.repeat(block, buffer);
        }
        int width = buffer.length;
        Parallel.Range pieces = (from, to) -> {
            for (int piece = from; piece < to; piece++) {
                int at = piece * width;
                int n = Math.min(width, out.length - at);
                if (aFull) {
                    loop.run(a, at, buffer, 0, out, at, n);
                } else {
                    loop.run(buffer, 0, b, at, out, at, n);
                }
            }
        };
        int count = (out.length + width - 1) / width;
        if (out.length <= PARALLEL_ELEMENTS) {
            pieces.run(0, count);
        } else {
            Parallel.forRange(count, Math.max(1, GRAIN / width), pieces);
        }
    }

    private static void runs(double[] x, int[] sx, double[] y, int[] sy, Shape shape, double[] out, BinaryLoop loop) {
        int rank = shape.rank();
        int[] dims = shape.dims();
        int inner = dims[rank - 1];
        Run left = new Run(x, sx[rank - 1], inner);
        Run right = new Run(y, sy[rank - 1], inner);
        int[] index = new int[rank];
        int offX = 0;
        int offY = 0;
        for (int o = 0; o < out.length; o += inner) {
            for (int start = 0; start < inner; start += CHUNK) {
                int n = Math.min(CHUNK, inner - start);
                loop.run(left.at(offX, start, n), left.offset(offX, start), right.at(offY, start, n), right.offset(offY, start),
                        out, o + start, n);
            }
            for (int d = rank - 2; d >= 0; d--) {
                offX += sx[d];
                offY += sy[d];
                if (++index[d] < dims[d]) {
                    break;
                }
                offX -= sx[d] * dims[d];
                offY -= sy[d] * dims[d];
                index[d] = 0;
            }
        }
    }

    /**
     * One operand's view of a run: its own array when it is contiguous along the last axis, or a
     * buffer holding its one repeated element when it is broadcast there (refilled only when that
     * element changes).
     */
    private static final class Run {
        private final double[] data;
        private final boolean broadcast;
        private final double[] buffer;
        private int filledFrom = -1;

        Run(double[] data, int stride, int inner) {
            this.data = data;
            this.broadcast = stride == 0 && inner > 1;
            this.buffer = broadcast ? new double[Math.min(CHUNK, inner)] : null;
        }

        double[] at(int offset, int start, int n) {
            if (!broadcast) {
                return data;
            }
            if (filledFrom != offset) {
                java.util.Arrays.fill(buffer, data[offset]);
                filledFrom = offset;
            }
            return buffer;
        }

        int offset(int offset, int start) {
            return broadcast ? 0 : offset + start;
        }
    }

    /**
     * The strides with which an operand of shape {@code from} is read when broadcast to {@code to}:
     * right-aligned, and zero along axes the operand lacks or has extent 1.
     */
    static int[] broadcastStrides(Shape from, Shape to) {
        int[] own = from.strides();
        int[] strides = new int[to.rank()];
        int offset = to.rank() - from.rank();
        for (int i = 0; i < from.rank(); i++) {
            strides[i + offset] = from.dim(i) == 1 ? 0 : own[i];
        }
        return strides;
    }

    /** {@code mask ? a : b} elementwise, where a nonzero mask element selects {@code a}. */
    static Tensor where(Tensor mask, Tensor a, Tensor b) {
        Shape shape = Shape.broadcast("where", Shape.broadcast("where", mask.shape, a.shape), b.shape);
        double[] m = mask.broadcastTo(shape).data;
        double[] x = a.broadcastTo(shape).data;
        double[] y = b.broadcastTo(shape).data;
        double[] out = new double[shape.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = m[i] != 0 ? x[i] : y[i];
        }
        return new Tensor(shape, out);
    }

    /** The logistic function, evaluated without overflow for large |x|. */
    static double sigmoid(double x) {
        if (x >= 0) {
            return 1 / (1 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1 + e);
    }
}
