package org.adjoint.autodiff;

import java.util.Arrays;
import org.adjoint.core.Shape;

/** Shape bookkeeping shared by the reductions. */
final class Axes {

    private Axes() {
    }

    /** {@code shape} with each of {@code axes} (possibly negative) set to extent 1: the shape keepDims gives. */
    static Shape kept(Shape shape, int[] axes) {
        int[] dims = shape.dims();
        for (int axis : axes) {
            dims[shape.axis(axis)] = 1;
        }
        return Shape.of(dims);
    }

    /** {@code shape} without {@code axes}: the shape a reduction gives without keepDims. */
    static Shape dropped(Shape shape, int[] axes) {
        boolean[] reduced = new boolean[shape.rank()];
        for (int axis : axes) {
            reduced[shape.axis(axis)] = true;
        }
        int[] dims = new int[shape.rank()];
        int n = 0;
        for (int i = 0; i < dims.length; i++) {
            if (!reduced[i]) {
                dims[n++] = shape.dim(i);
            }
        }
        return Shape.of(Arrays.copyOf(dims, n));
    }

    /** A readable form of an axis list for op descriptions. */
    static String describe(int[] axes) {
        return Arrays.toString(axes);
    }
}
