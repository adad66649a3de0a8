package org.adjoint.core;

import java.util.ArrayList;
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
        Shape shape = Shape.of(dims.stream().mapToInt(Integer::intValue).toArray());
        double[] data = new double[shape.size()];
        int filled = copy(nested, shape, 0, data, 0);
        assert filled == data.length;
        return new Tensor(shape, data);
    }

    private static int copy(Object level, Shape shape, int axis, double[] data, int offset) {
        if (level == null) {
            throw new IllegalArgumentException("fromNested: null sub-array at depth " + axis);
        }
        if (axis == shape.rank() - 1) {
            double[] row = (double[]) level;
            checkLength(row.length, shape, axis);
            System.arraycopy(row, 0, data, offset, row.length);
            return offset + row.length;
        }
        if (!(level instanceof Object[] array)) {
            throw new IllegalArgumentException("fromNested: ragged nesting at depth " + axis
                    + ", expected an array of arrays");
        }
        checkLength(array.length, shape, axis);
        for (Object sub : array) {
            offset = copy(sub, shape, axis + 1, data, offset);
        }
        return offset;
    }

    private static void checkLength(int length, Shape shape, int axis) {
        if (length != shape.dim(axis)) {
            throw new IllegalArgumentException("fromNested: ragged array: length " + length + " at depth " + axis
                    + " where the first row has " + shape.dim(axis));
        }
    }
}
