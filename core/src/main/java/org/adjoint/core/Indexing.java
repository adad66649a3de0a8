package org.adjoint.core;

import java.util.Arrays;
import org.adjoint.core.internal.Buffers;

/**
 * Kernels that select or join parts of tensors along an axis: slice and its adjoint pad, concatenate,
 * take, and for matrices gather (one element per row) and its adjoint scatter. Each copies into a
 * fresh row-major array; indices are checked, and a bad one is named with its row.
 */
final class Indexing {

    private Indexing() {
    }

    static Tensor slice(Tensor x, int axis, int start, int end) {
        int a = x.shape.axis("slice", axis);
        int n = x.shape.dim(a);
        if (start < 0 || end > n || start > end) {
            throw new IllegalArgumentException("slice: [" + start + ", " + end + ") is not within [0, " + n
                    + "] along axis " + axis + " of shape " + x.shape);
        }
        int[] dims = x.shape.dims();
        dims[a] = end - start;
        Shape shape = Shape.of(dims);
        int inner = x.shape.strides()[a];
        double[] out = new double[shape.size()];
        int block = (end - start) * inner;
        copyBlocks(x.data, start * inner, n * inner, out, 0, block, block, outer(x.shape, a));
        return new Tensor(shape, out);
    }

    /**
     * Copies {@code count} blocks of {@code length} elements, block b from {@code from[fromOffset + b·fromStride]}
     * to {@code to[toOffset + b·toStride]}: one {@code System.arraycopy} per long block, and plain loops for
     * short ones, where a call per block would cost more than the copy (one column out of many rows).
     */
    private static void copyBlocks(double[] from, int fromOffset, int fromStride, double[] to, int toOffset, int toStride,
                                   int length, int count) {
        if (length > 16) {
            for (int b = 0; b < count; b++) {
                System.arraycopy(from, fromOffset + b * fromStride, to, toOffset + b * toStride, length);
            }
        } else if (length == 1) {
            for (int b = 0; b < count; b++) {
                to[toOffset + b * toStride] = from[fromOffset + b * fromStride];
            }
        } else {
            for (int b = 0; b < count; b++) {
                int src = fromOffset + b * fromStride;
                int dst = toOffset + b * toStride;
                for (int i = 0; i < length; i++) {
                    to[dst + i] = from[src + i];
                }
            }
        }
    }

    static Tensor take(Tensor x, int axis, int[] indices) {
        int a = x.shape.axis("take", axis);
        int n = x.shape.dim(a);
        int[] dims = x.shape.dims();
        dims[a] = indices.length;
        Shape shape = Shape.of(dims);
        int inner = x.shape.strides()[a];
        int outer = outer(x.shape, a);
        double[] out = new double[shape.size()];
        for (int k = 0; k < indices.length; k++) {
            int i = indices[k];
            if (i < 0 || i >= n) {
                throw new IllegalArgumentException("take: index " + i + " is outside [0, " + n + ") along axis "
                        + axis + " of shape " + x.shape);
            }
            copyBlocks(x.data, i * inner, n * inner, out, k * inner, indices.length * inner, inner, outer);
        }
        return new Tensor(shape, out);
    }

    static Tensor pad(Tensor x, int axis, int before, int after) {
        int a = x.shape.axis("pad", axis);
        if (before < 0 || after < 0) {
            throw new IllegalArgumentException("pad: padding (" + before + ", " + after
                    + ") along axis " + axis + " must not be negative");
        }
        int[] dims = x.shape.dims();
        int n = dims[a];
        long padded = (long) n + before + after;
        if (padded > Integer.MAX_VALUE) {
            throw Shape.tooLong("pad", "the padded extent " + n + " + " + before + " + " + after + " of axis " + axis
                    + " of shape " + x.shape, padded);
        }
        dims[a] = (int) padded;
        Shape shape = Shape.of("pad", dims);
        int inner = x.shape.strides()[a];
        int outer = outer(x.shape, a);
        double[] out = Buffers.allocateZeroed(shape.size());
        int block = n * inner;
        copyBlocks(x.data, 0, block, out, before * inner, dims[a] * inner, block, outer);
        return new Tensor(shape, out);
    }

    static Tensor concat(int axis, Tensor... parts) {
        if (parts.length == 0) {
            throw new IllegalArgumentException("concat: no tensors to concatenate");
        }
        Shape first = parts[0].shape;
        int a = first.axis("concat", axis);
        long total = 0;
        for (Tensor t : parts) {
            if (!sameExceptAxis(first, t.shape, a)) {
                throw new IllegalArgumentException("concat: shapes " + first + " and " + t.shape
                        + " differ outside axis " + axis);
            }
            total += t.shape.dim(a);
        }
        int[] dims = first.dims();
        if (total > Integer.MAX_VALUE) {
            throw Shape.tooLong("concat", "the total extent along axis " + axis + " of " + parts.length + " tensors",
                    total);
        }
        dims[a] = (int) total;
        Shape shape = Shape.of("concat", dims);
        int inner = first.strides()[a];
        int outer = outer(first, a);
        double[] out = new double[shape.size()];
        int offset = 0;
        for (Tensor t : parts) {
            int block = t.shape.dim(a) * inner;
            copyBlocks(t.data, 0, block, out, offset, dims[a] * inner, block, outer);
            offset += block;
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
        Shape shape = Shape.of("scatter", indices.length, cols);
        double[] out = new double[shape.size()];
        for (int i = 0; i < indices.length; i++) {
            out[i * cols + checkIndex("scatter", indices, i, cols)] = values.data[i];
        }
        return new Tensor(shape, out);
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
