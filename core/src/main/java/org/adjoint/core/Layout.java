package org.adjoint.core;

import java.util.Arrays;

/**
 * Kernels that move elements without combining them: broadcast, permute, slice, pad, concatenate,
 * gather and its adjoint scatter. Each copies into a fresh row-major array.
 */
final class Layout {

    private Layout() {
    }

    static Tensor broadcastTo(Tensor x, Shape shape) {
        if (x.shape.equals(shape)) {
            return x;
        }
        if (!x.shape.broadcastsTo(shape)) {
            throw new IllegalArgumentException("broadcastTo: shape " + x.shape + " does not broadcast to " + shape);
        }
        double[] out = new double[shape.size()];
        if (x.size() == 1) {
            Arrays.fill(out, x.data[0]);
        } else {
            gather(x.data, Elementwise.broadcastStrides(x.shape, shape), shape, out);
        }
        return new Tensor(shape, out);
    }

    static Tensor permute(Tensor x, int[] axes) {
        int rank = x.rank();
        if (axes.length != rank) {
            throw new IllegalArgumentException("permute: " + Arrays.toString(axes) + " is not a permutation of the "
                    + rank + " axes of shape " + x.shape);
        }
        int[] own = x.shape.strides();
        int[] dims = new int[rank];
        int[] strides = new int[rank];
        boolean[] seen = new boolean[rank];
        for (int i = 0; i < rank; i++) {
            int a = axes[i] < 0 ? axes[i] + rank : axes[i];
            if (a < 0 || a >= rank || seen[a]) {
                throw new IllegalArgumentException("permute: " + Arrays.toString(axes)
                        + " is not a permutation of the " + rank + " axes of shape " + x.shape);
            }
            seen[a] = true;
            dims[i] = x.shape.dim(a);
            strides[i] = own[a];
        }
        Shape shape = Shape.of(dims);
        double[] out = new double[shape.size()];
        gather(x.data, strides, shape, out);
        return new Tensor(shape, out);
    }

    /** Fills {@code out} (row-major over {@code shape}) from {@code in} read with the given strides. */
    private static void gather(double[] in, int[] strides, Shape shape, double[] out) {
        if (out.length == 0) {
            return;
        }
        int rank = shape.rank();
        int[] dims = shape.dims();
        int[] index = new int[rank];
        int offset = 0;
        for (int o = 0; o < out.length; o++) {
            out[o] = in[offset];
            for (int d = rank - 1; d >= 0; d--) {
                offset += strides[d];
                if (++index[d] < dims[d]) {
                    break;
                }
                offset -= strides[d] * dims[d];
                index[d] = 0;
            }
        }
    }

    static Tensor slice(Tensor x, int axis, int start, int end) {
        int a = x.shape.axis(axis);
        int n = x.shape.dim(a);
        if (start < 0 || end > n || start > end) {
            throw new IllegalArgumentException("slice: [" + start + ", " + end + ") is not within [0, " + n
                    + "] along axis " + axis + " of shape " + x.shape);
        }
        int[] dims = x.shape.dims();
        dims[a] = end - start;
        Shape shape = Shape.of(dims);
        int inner = x.shape.strides()[a];
        int outer = outer(x.shape, a);
        double[] out = new double[shape.size()];
        int block = (end - start) * inner;
        for (int p = 0; p < outer; p++) {
            System.arraycopy(x.data, (p * n + start) * inner, out, p * block, block);
        }
        return new Tensor(shape, out);
    }

    static Tensor take(Tensor x, int axis, int[] indices) {
        int a = x.shape.axis(axis);
        int n = x.shape.dim(a);
        int[] dims = x.shape.dims();
        dims[a] = indices.length;
        Shape shape = Shape.of(dims);
        int inner = x.shape.strides()[a];
        int outer = outer(x.shape, a);
        double[] out = new double[shape.size()];
        for (int p = 0; p < outer; p++) {
            for (int k = 0; k < indices.length; k++) {
                int i = indices[k];
                if (i < 0 || i >= n) {
                    throw new IllegalArgumentException("take: index " + i + " is outside [0, " + n + ") along axis "
                            + axis + " of shape " + x.shape);
                }
                System.arraycopy(x.data, (p * n + i) * inner, out, (p * indices.length + k) * inner, inner);
            }
        }
        return new Tensor(shape, out);
    }

    static Tensor pad(Tensor x, int axis, int before, int after) {
        int a = x.shape.axis(axis);
        if (before < 0 || after < 0) {
            throw new IllegalArgumentException("pad: padding (" + before + ", " + after
                    + ") along axis " + axis + " must not be negative");
        }
        int[] dims = x.shape.dims();
        int n = dims[a];
        dims[a] = n + before + after;
        Shape shape = Shape.of(dims);
        int inner = x.shape.strides()[a];
        int outer = outer(x.shape, a);
        double[] out = new double[shape.size()];
        int block = n * inner;
        for (int p = 0; p < outer; p++) {
            System.arraycopy(x.data, p * block, out, (p * dims[a] + before) * inner, block);
        }
        return new Tensor(shape, out);
    }

    static Tensor concat(int axis, Tensor... parts) {
        if (parts.length == 0) {
            throw new IllegalArgumentException("concat: no tensors to concatenate");
        }
        Shape first = parts[0].shape;
        int a = first.axis(axis);
        int total = 0;
        for (Tensor t : parts) {
            if (!sameExceptAxis(first, t.shape, a)) {
                throw new IllegalArgumentException("concat: shapes " + first + " and " + t.shape
                        + " differ outside axis " + axis);
            }
            total += t.shape.dim(a);
        }
        int[] dims = first.dims();
        dims[a] = total;
        Shape shape = Shape.of(dims);
        int inner = first.strides()[a];
        int outer = outer(first, a);
        double[] out = new double[shape.size()];
        int offset = 0;
        for (int p = 0; p < outer; p++) {
            for (Tensor t : parts) {
                int block = t.shape.dim(a) * inner;
                System.arraycopy(t.data, p * block, out, offset, block);
                offset += block;
            }
        }
        return new Tensor(shape, out);
    }

    /** The number of blocks before {@code axis}: the product of the extents of the axes before it. */
    private static int outer(Shape shape, int axis) {
        int n = 1;
        for (int i = 0; i < axis; i++) {
            n *= shape.dim(i);
        }
        return n;
    }

    private static boolean sameExceptAxis(Shape s, Shape t, int axis) {
        if (s.rank() != t.rank()) {
            return false;
        }
        for (int i = 0; i < s.rank(); i++) {
            if (i != axis && s.dim(i) != t.dim(i)) {
                return false;
            }
        }
        return true;
    }

    static Tensor gather(Tensor x, int[] indices) {
        if (x.rank() != 2 || indices.length != x.shape.dim(0)) {
            throw new IllegalArgumentException("gather: needs a matrix and one index per row, got shape "
                    + x.shape + " and " + indices.length + " indices");
        }
        int cols = x.shape.dim(1);
        double[] out = new double[indices.length];
        for (int i = 0; i < indices.length; i++) {
            out[i] = x.data[i * cols + checkIndex("gather", indices, i, cols)];
        }
        return new Tensor(Shape.of(indices.length), out);
    }

    static Tensor scatter(Tensor values, int[] indices, int cols) {
        if (values.rank() != 1 || values.size() != indices.length) {
            throw new IllegalArgumentException("scatter: needs a vector of one value per index, got shape "
                    + values.shape + " and " + indices.length + " indices");
        }
        double[] out = new double[indices.length * cols];
        for (int i = 0; i < indices.length; i++) {
            out[i * cols + checkIndex("scatter", indices, i, cols)] = values.data[i];
        }
        return new Tensor(Shape.of(indices.length, cols), out);
    }

    private static int checkIndex(String op, int[] indices, int row, int cols) {
        int j = indices[row];
        if (j < 0 || j >= cols) {
            throw new IllegalArgumentException(op + ": index " + j + " of row " + row
                    + " is outside [0, " + cols + ")");
        }
        return j;
    }
}
