package org.adjoint.optim.rules.laws;

import java.util.Map;
import java.util.StringJoiner;
import org.adjoint.core.Shape;
import org.adjoint.core.Tensor;
import org.adjoint.optim.UpdateRule;

/** Comparing tensors element by element and naming what differs, for the laws' messages. */
final class Elements {

    private Elements() {
    }

    /**
     * The failure message of a law: {@code <law>: <rule> at step <k>, parameter <name>: <detail>}, with
     * steps counted from 1 (the first update) and step 0 the state before it.
     */
    static AssertionError violation(String law, UpdateRule<?> rule, int step, String parameter, String detail) {
        return new AssertionError(law + ": " + rule + " at step " + step + ", parameter " + parameter + ": " + detail);
    }

    /** The first flat index at which the two tensors' elements differ in their bits (NaNs count as equal), or −1. */
    static int firstDifferentBits(Tensor a, Tensor b) {
        double[] x = a.toArray();
        double[] y = b.toArray();
        for (int i = 0; i < x.length; i++) {
            if (Double.doubleToLongBits(x[i]) != Double.doubleToLongBits(y[i])) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The first element where {@code before} and {@code after}, of the same shape, differ in their bits, as
     * {@code <label>[i, j] was <x> <when> and <y> <otherwise>}, or null if none does.
     */
    static String difference(String label, Tensor before, Tensor after, String first, String second) {
        int i = firstDifferentBits(before, after);
        if (i < 0) {
            return null;
        }
        return label + index(before.shape(), i) + " is " + before.toArray()[i] + " " + first + " but "
                + after.toArray()[i] + " " + second;
    }

    /** The first difference between two sets of saved state slots, naming the slot, or null if they hold the same bits. */
    static String slotDifference(Map<String, Tensor> before, Map<String, Tensor> after, String first, String second) {
        if (!before.keySet().equals(after.keySet())) {
            return "the state's slots are " + before.keySet() + " " + first + " but " + after.keySet() + " " + second;
        }
        for (Map.Entry<String, Tensor> slot : before.entrySet()) {
            Tensor other = after.get(slot.getKey());
            if (!slot.getValue().shape().equals(other.shape())) {
                return "the state slot " + slot.getKey() + " has shape " + slot.getValue().shape() + " " + first
                        + " but " + other.shape() + " " + second;
            }
            String d = difference("the state slot " + slot.getKey(), slot.getValue(), other, first, second);
            if (d != null) {
                return d;
            }
        }
        return null;
    }

    /** The row-major multi-index of flat position {@code flat} in {@code shape}, as {@code [1, 0]}. */
    static String index(Shape shape, int flat) {
        int[] dims = shape.dims();
        int[] idx = new int[dims.length];
        int rest = flat;
        for (int axis = dims.length - 1; axis >= 0; axis--) {
            idx[axis] = rest % dims[axis];
            rest /= dims[axis];
        }
        StringJoiner j = new StringJoiner(", ", "[", "]");
        for (int k : idx) {
            j.add(Integer.toString(k));
        }
        return j.toString();
    }
}
