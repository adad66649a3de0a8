package org.adjoint.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Conversion from Java's nested arrays ({@code double[][]…}) to a shape and a flat row-major array. */
final class NestedArrays {

    private NestedArrays() {
    }

    static Tensor toTensor(Object nested) {
        List<Integer> dims = new ArrayList<>();
        Object level = nested;
        while (level instanceof Object[] array) {
            dims.add(array.length);
            if (array.length == 0) {
                throw new IllegalArgumentException("fromNested: an empty array at depth " + dims.size()
                        + " leaves the inner extents unknown; use Tensor.zeros with a shape instead");
            }
            level = array[0];
        }
        if (!(level instanceof double[] row)) {
            throw new IllegalArgumentException("fromNested: expected double[], double[][], … but found "
                    + (level == null ? "null" : level.getClass().getSimpleName()));
        }
        dims.add(row.length);
        Shape shape = Shape.of("fromNested", dims.stream().mapToInt(Integer::intValue).toArray());
        double[] data = new double[shape.size()];
        int filled = copy(nested, shape, new int[shape.rank()], 0, data, 0);
        assert filled == data.length;
        return new Tensor(shape, data);
    }

    /**
     * Copies {@code level}, the element at {@code index[0 .. axis)}, into {@code data} from {@code offset};
     * returns the offset after it.
     */
    private static int copy(Object level, Shape shape, int[] index, int axis, double[] data, int offset) {
        if (level == null) {
            throw new IllegalArgumentException("fromNested: element " + path(index, axis) + " is null");
        }
        if (axis == shape.rank() - 1) {
            if (!(level instanceof double[] row)) {
                throw mixed(level, index, axis, "a double[]");
            }
            checkLength(row.length, shape, axis);
            System.arraycopy(row, 0, data, offset, row.length);
            return offset + row.length;
        }
        if (!(level instanceof Object[] array)) {
            throw mixed(level, index, axis, "an array of arrays");
        }
        checkLength(array.length, shape, axis);
        for (int i = 0; i < array.length; i++) {
            index[axis] = i;
            offset = copy(array[i], shape, index, axis + 1, data, offset);
        }
        return offset;
    }

    private static IllegalArgumentException mixed(Object level, int[] index, int axis, String expected) {
        return new IllegalArgumentException("fromNested: mixed nesting: element " + path(index, axis) + " is a "
                + level.getClass().getSimpleName() + " where the first element at depth " + axis + " is " + expected);
    }

    /** The index of the element at depth {@code axis}, e.g. {@code [1, 0]}. */
    private static String path(int[] index, int axis) {
        return Arrays.toString(Arrays.copyOf(index, axis));
    }

    private static void checkLength(int length, Shape shape, int axis) {
        if (length != shape.dim(axis)) {
            throw new IllegalArgumentException("fromNested: ragged array: length " + length + " at depth " + axis
                    + " where the first row has " + shape.dim(axis));
        }
    }
}
