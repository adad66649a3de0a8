package org.adjoint.optim;

import java.util.Map;
import java.util.Objects;
import org.adjoint.core.Shape;
import org.adjoint.core.Tensor;

/**
 * Reading a rule's saved state back, for {@link UpdateRule#restore}: each named tensor must be there
 * with the expected shape, and a step counter must be a whole number; otherwise an
 * {@link IllegalArgumentException} names the rule, the tensor and what is wrong.
 */
public final class Slots {

    private Slots() {
    }

    /** The tensor named {@code name}, of shape {@code shape}. */
    public static Tensor get(String rule, Map<String, Tensor> saved, String name, Shape shape) {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(shape, "shape");
        Tensor t = saved.get(name);
        if (t == null) {
            throw new IllegalArgumentException(rule + ": the saved state has no " + name + " (it has " + saved.keySet() + ")");
        }
        if (!t.shape().equals(shape)) {
            throw new IllegalArgumentException(rule + ": the saved " + name + " has shape " + t.shape() + " but the parameter has "
                    + shape);
        }
        return t;
    }

    /** A saved step counter: a non-negative whole number stored as a scalar. */
    public static long counter(String rule, Map<String, Tensor> saved, String name) {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(name, "name");
        double v = get(rule, saved, name, Shape.SCALAR).item();
        if (!(v >= 0) || v != Math.rint(v) || v > (1L << 53)) {
            throw new IllegalArgumentException(rule + ": the saved " + name + " is " + v + ", not a step count");
        }
        return (long) v;
    }
}
