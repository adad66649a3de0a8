package org.adjoint.autodiff.ops;

import java.util.Arrays;
import org.adjoint.autodiff.Var;

/** The mean along axes: a {@link Sum} times {@code 1/n}, so it records no op of its own. */
public final class Mean {

    private Mean() {
    }

    /** The mean of all elements of {@code x}, a scalar. */
    public static Var all(Var x) {
        int[] axes = new int[x.shape().rank()];
        Arrays.setAll(axes, i -> i);
        return apply(x, axes, false);
    }

    /**
     * The mean of {@code x} along {@code axes}, kept with extent 1 if {@code keepDims}.
     *
     * @throws IllegalArgumentException if the reduced axes are empty while the result is not
     */
    public static Var apply(Var x, int[] axes, boolean keepDims) {
        Var sum = x.sum(axes, keepDims);
        int n = x.value().size();
        if (n == 0 && sum.value().size() > 0) {
            throw new IllegalArgumentException("mean: axes " + Arrays.toString(axes) + " of shape " + x.shape()
                    + " hold no elements, and the mean of nothing is undefined");
        }
        return sum.mul((double) sum.value().size() / n);
    }
}
