package org.adjoint.verify;

import java.util.Arrays;
import java.util.List;
import java.util.StringJoiner;
import org.adjoint.core.Tensor;

/** How failure reports show generated values: completely, so that a failure can be reproduced by hand. */
final class Values {

    /** Tensors up to this size also get their exact elements, since their toString rounds. */
    private static final int MAX_EXACT_TENSOR_SIZE = 64;

    private Values() {
    }

    /**
     * The value as text: arrays element by element, doubles via {@link Double#toString} (the
     * shortest text that reads back as the same double), tensors as their {@code toString} plus
     * their exact shape and elements.
     */
    static String describe(Object value) {
        if (value instanceof Tensor tensor) {
            return describeTensor(tensor);
        }
        if (value instanceof List<?> list) {
            StringJoiner items = new StringJoiner(", ", "[", "]");
            list.forEach(item -> items.add(describe(item)));
            return items.toString();
        }
        if (value instanceof Object[] array) {
            return describe(Arrays.asList(array));
        }
        if (value != null && value.getClass().isArray()) {
            return primitiveArray(value);
        }
        return String.valueOf(value);
    }

    private static String describeTensor(Tensor tensor) {
        String shown = tensor.toString();
        if (tensor.size() > MAX_EXACT_TENSOR_SIZE) {
            return shown;
        }
        return shown + " = Tensor.of(Shape.of(" + joinDims(tensor.shape().dims()) + "), new double[] "
                + Arrays.toString(tensor.toArray()).replace('[', '{').replace(']', '}') + ")";
    }

    private static String joinDims(int[] dims) {
        StringJoiner joined = new StringJoiner(", ");
        for (int d : dims) {
            joined.add(Integer.toString(d));
        }
        return joined.toString();
    }

    private static String primitiveArray(Object array) {
        if (array instanceof double[] a) {
            return Arrays.toString(a);
        }
        if (array instanceof int[] a) {
            return Arrays.toString(a);
        }
        if (array instanceof long[] a) {
            return Arrays.toString(a);
        }
        if (array instanceof boolean[] a) {
            return Arrays.toString(a);
        }
        if (array instanceof float[] a) {
            return Arrays.toString(a);
        }
        if (array instanceof short[] a) {
            return Arrays.toString(a);
        }
        if (array instanceof byte[] a) {
            return Arrays.toString(a);
        }
        return Arrays.toString((char[]) array);
    }
}
