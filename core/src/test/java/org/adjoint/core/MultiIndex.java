package org.adjoint.core;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;

/**
 * Multi-indices: the vocabulary of the reference implementations in the property tests. Everything
 * here works one coordinate at a time with no strides, so it is obviously correct and shares no
 * code with the kernels it checks.
 */
final class MultiIndex {

    private MultiIndex() {
    }

    /** Every index of {@code shape}, in row-major order (the last coordinate changes fastest). */
    static int[][] all(Shape shape) {
        int[] dims = shape.dims();
        int[][] indices = new int[shape.size()][];
        for (int flat = 0; flat < indices.length; flat++) {
            int[] index = new int[dims.length];
            int rest = flat;
            for (int d = dims.length - 1; d >= 0; d--) {
                index[d] = rest % dims[d];
                rest /= dims[d];
            }
            indices[flat] = index;
        }
        return indices;
    }

    /** The position of {@code index} in the row-major order of {@code shape}. */
    static int flat(int[] index, Shape shape) {
        int flat = 0;
        for (int d = 0; d < index.length; d++) {
            flat = flat * shape.dim(d) + index[d];
        }
        return flat;
    }

    /** The tensor of {@code shape} whose element at each index is {@code element.applyAsDouble(index)}. */
    static Tensor tabulate(Shape shape, ToDoubleFunction<int[]> element) {
        int[][] indices = all(shape);
        double[] data = new double[indices.length];
        for (int i = 0; i < data.length; i++) {
            data[i] = element.applyAsDouble(indices[i]);
        }
        return Tensor.of(shape, data);
    }

    /**
     * The shape that operands broadcast to: as many axes as the longest, aligned at the end; along
     * each axis the extent that is not 1, or 1 if all are. The operands must be compatible.
     */
    static Shape broadcastShape(Shape... operands) {
        int rank = 0;
        for (Shape operand : operands) {
            rank = Math.max(rank, operand.rank());
        }
        int[] dims = new int[rank];
        Arrays.fill(dims, 1);
        for (Shape operand : operands) {
            int offset = rank - operand.rank();
            for (int d = 0; d < operand.rank(); d++) {
                if (operand.dim(d) != 1) {
                    dims[d + offset] = operand.dim(d);
                }
            }
        }
        return Shape.of(dims);
    }

    /**
     * Which element of an operand of shape {@code operand} broadcasting places at {@code resultIndex}:
     * the operand's trailing coordinates, with 0 along its axes of extent 1.
     */
    static int[] broadcastSource(int[] resultIndex, Shape operand) {
        int offset = resultIndex.length - operand.rank();
        int[] index = new int[operand.rank()];
        for (int d = 0; d < index.length; d++) {
            index[d] = operand.dim(d) == 1 ? 0 : resultIndex[d + offset];
        }
        return index;
    }

    /** Which axes of a rank-{@code rank} shape are listed (from the front or the end) in {@code axes}. */
    static boolean[] axisMask(int rank, int... axes) {
        boolean[] mask = new boolean[rank];
        for (int axis : axes) {
            mask[normalize(axis, rank)] = true;
        }
        return mask;
    }

    /** {@code shape} with extent 1 along the masked axes: the shape of a reduction that keeps them. */
    static Shape withOnes(Shape shape, boolean[] mask) {
        int[] dims = shape.dims();
        for (int d = 0; d < dims.length; d++) {
            dims[d] = mask[d] ? 1 : dims[d];
        }
        return Shape.of(dims);
    }

    /** {@code shape} without the masked axes: the shape of a reduction that drops them. */
    static Shape without(Shape shape, boolean[] mask) {
        int[] dims = shape.dims();
        return Shape.of(IntStream.range(0, dims.length).filter(d -> !mask[d]).map(d -> dims[d]).toArray());
    }

    /** An axis in {@code [-rank, rank)} as the equivalent axis in {@code [0, rank)}. */
    static int normalize(int axis, int rank) {
        return axis < 0 ? axis + rank : axis;
    }
}
