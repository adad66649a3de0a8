package org.adjoint.autodiff;

import java.util.Arrays;
import org.adjoint.core.Shape;
import org.adjoint.core.Tensor;

/** Every element of every input of a {@link GradCheck}, numbered in order, so that a Hessian is one square matrix. */
final class GradCheckEntries {

    private final Tensor[] inputs;
    private final int[] offsets;

    GradCheckEntries(Tensor[] inputs) {
        this.inputs = inputs;
        this.offsets = new int[inputs.length + 1];
        for (int i = 0; i < inputs.length; i++) {
            offsets[i + 1] = offsets[i] + inputs[i].size();
        }
    }

    int count() {
        return offsets[inputs.length];
    }

    /** Which input entry {@code entry} belongs to. */
    int input(int entry) {
        int i = 0;
        while (offsets[i + 1] <= entry) {
            i++;
        }
        return i;
    }

    /** The flat index of {@code entry} within its input. */
    int element(int entry) {
        return entry - offsets[input(entry)];
    }

    /** The entry's name in a report, e.g. {@code ∂x1[2, 0]}. */
    String name(int entry) {
        return "∂x" + input(entry) + coordinates(inputs[input(entry)].shape(), element(entry));
    }

    /** One tensor per input, flattened into one array in entry order. */
    double[] flatten(Tensor[] parts) {
        double[] flat = new double[count()];
        for (int i = 0; i < parts.length; i++) {
            System.arraycopy(parts[i].toArray(), 0, flat, offsets[i], parts[i].size());
        }
        return flat;
    }

    /** The multi-index of flat index {@code flat} in {@code shape}, e.g. {@code [2, 0]}. */
    static String coordinates(Shape shape, int flat) {
        int[] index = new int[shape.rank()];
        for (int d = shape.rank() - 1; d >= 0; d--) {
            index[d] = flat % shape.dim(d);
            flat /= shape.dim(d);
        }
        return Arrays.toString(index);
    }
}
