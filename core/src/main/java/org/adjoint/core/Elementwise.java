package org.adjoint.core;

import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * Elementwise kernels: one function applied to every element, or to aligned pairs of elements under
 * NumPy broadcasting. Plain loops over {@code double[]} that the JIT can unroll and vectorize.
 */
final class Elementwise {

    private Elementwise() {
    }

    static Tensor map(Tensor x, DoubleUnaryOperator f) {
        double[] in = x.data;
        double[] out = new double[in.length];
        for (int i = 0; i < in.length; i++) {
            out[i] = f.applyAsDouble(in[i]);
        }
        return new Tensor(x.shape, out);
    }

    /**
     * {@code f(a, b)} elementwise with broadcasting. The common layouts (equal shapes, one side a single
     * element) take a flat loop; everything else walks the result row by row with per-operand strides
     * that are zero along broadcast axes.
     */
    static Tensor zip(String op, Tensor a, Tensor b, DoubleBinaryOperator f) {
        Shape shape = Shape.broadcast(op, a.shape, b.shape);
        double[] x = a.data;
        double[] y = b.data;
        double[] out = new double[shape.size()];
        if (x.length == out.length && y.length == out.length) {
            for (int i = 0; i < out.length; i++) {
                out[i] = f.applyAsDouble(x[i], y[i]);
            }
        } else if (y.length == 1 && x.length == out.length) {
            double c = y[0];
            for (int i = 0; i < out.length; i++) {
                out[i] = f.applyAsDouble(x[i], c);
            }
        } else if (x.length == 1 && y.length == out.length) {
            double c = x[0];
            for (int i = 0; i < out.length; i++) {
                out[i] = f.applyAsDouble(c, y[i]);
            }
        } else if (out.length > 0) {
            zipStrided(x, broadcastStrides(a.shape, shape), y, broadcastStrides(b.shape, shape), shape, out, f);
        }
        return new Tensor(shape, out);
    }

    private static void zipStrided(double[] x, int[] sx, double[] y, int[] sy, Shape shape, double[] out,
                                   DoubleBinaryOperator f) {
        int rank = shape.rank();
        int[] dims = shape.dims();
        int inner = dims[rank - 1];
        int ix = sx[rank - 1];
        int iy = sy[rank - 1];
        int[] index = new int[rank];
        int offX = 0;
        int offY = 0;
        for (int o = 0; o < out.length; o += inner) {
            for (int j = 0; j < inner; j++) {
                out[o + j] = f.applyAsDouble(x[offX + j * ix], y[offY + j * iy]);
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
