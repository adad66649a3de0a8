package org.adjoint.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;

/**
 * Named tensors in a stable order, such as a model's parameters ({@code layer1.weight},
 * {@code layer1.bias}, …), their gradients, or an optimizer's moments. Immutable: an optimizer step
 * returns a new set. It is the one type that models ({@code org.adjoint.nn}), optimizers
 * ({@code org.adjoint.optim}) and checkpoints share, so an optimizer updates anything with named
 * tensors, not only a model's parameters.
 *
 * <pre>{@code
 * NamedTensors params = NamedTensors.of(Map.of("w", Tensor.zeros(3), "b", Tensor.scalar(0)));
 * NamedTensors halved = params.map(t -> t.mul(0.5));            // same names and shapes
 * Tensor theta = params.flatten();                              // one vector, for Newton or L-BFGS
 * }</pre>
 *
 * <p>The set can be flattened to one vector and back ({@link #flatten}, {@link #unflatten}), for
 * methods such as Newton's or L-BFGS that see all parameters as one point.
 */
public final class NamedTensors {

    private final Map<String, Tensor> tensors;

    private NamedTensors(Map<String, Tensor> tensors) {
        this.tensors = Collections.unmodifiableMap(tensors);
    }

    /** A set from named tensors, in the map's iteration order. */
    public static NamedTensors of(Map<String, Tensor> tensors) {
        Map<String, Tensor> copy = new LinkedHashMap<>();
        tensors.forEach((name, value) -> copy.put(checkName(name), value));
        return new NamedTensors(copy);
    }


    /** The names, in order. */
    public List<String> names() {
        return List.copyOf(tensors.keySet());
    }

    /** The tensors by name, in order (unmodifiable). */
    public Map<String, Tensor> asMap() {
        return tensors;
    }

    /**
     * The tensor named {@code name}.
     *
     * @throws IllegalArgumentException naming the parameters there are, if there is none by that name
     */
    public Tensor get(String name) {
        Objects.requireNonNull(name, "name");
        Tensor t = tensors.get(name);
        if (t == null) {
            throw new IllegalArgumentException("no parameter named " + name + "; the parameters are " + names());
        }
        return t;
    }

    /** The number of named tensors. */
    public int count() {
        return tensors.size();
    }

    /** The total number of elements in all tensors. */
    public int elementCount() {
        long n = 0;
        for (Tensor t : tensors.values()) {
            n += t.size();
        }
        if (n > Integer.MAX_VALUE) {
            throw Shape.tooLong("elementCount", "the number of elements of " + tensors.size() + " tensors", n);
        }
        return (int) n;
    }

    /** The same set with {@code name}'s tensor replaced by one of the same shape. */
    public NamedTensors with(String name, Tensor value) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        Tensor old = get(name);
        if (!old.shape().equals(value.shape())) {
            throw new IllegalArgumentException("with: " + name + " has shape " + old.shape()
                    + " but the new value has shape " + value.shape());
        }
        Map<String, Tensor> copy = new LinkedHashMap<>(tensors);
        copy.put(name, value);
        return new NamedTensors(copy);
    }

    /** Every tensor transformed by {@code f}, which must keep its shape. */
    public NamedTensors map(UnaryOperator<Tensor> f) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        tensors.forEach((name, t) -> out.put(name, sameShape("map", name, t.shape(), f.apply(t))));
        return new NamedTensors(out);
    }

    /** {@code f(this[name], other[name])} for every name; both sets must have the same names and shapes. */
    public NamedTensors zip(NamedTensors other, BinaryOperator<Tensor> f) {
        requireSameLayout("zip", other);
        Map<String, Tensor> out = new LinkedHashMap<>();
        tensors.forEach((name, t) -> out.put(name, sameShape("zip", name, t.shape(), f.apply(t, other.tensors.get(name)))));
        return new NamedTensors(out);
    }


    /** All elements in one vector: the tensors in order, each in row-major order. */
    public Tensor flatten() {
        double[] flat = new double[elementCount()];
        int at = 0;
        for (Tensor t : tensors.values()) {
            System.arraycopy(t.toArray(), 0, flat, at, t.size());
            at += t.size();
        }
        return Tensor.vector(flat);
    }

    /** The inverse of {@link #flatten}: a set with these names and shapes holding the values of {@code vector}. */
    public NamedTensors unflatten(Tensor vector) {
        requireFlatLength("unflatten", vector.shape());
        double[] flat = vector.toArray();
        Map<String, Tensor> out = new LinkedHashMap<>();
        int at = 0;
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            Shape shape = e.getValue().shape();
            double[] part = new double[shape.size()];
            System.arraycopy(flat, at, part, 0, part.length);
            out.put(e.getKey(), Tensor.of(shape, part));
            at += part.length;
        }
        return new NamedTensors(out);
    }


    /**
     * Checks that {@code other} has the same names, in the same order, with the same shapes.
     *
     * @throws IllegalArgumentException naming the first parameter that differs and how
     */
    public void requireSameLayout(String op, NamedTensors other) {
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(other, "other");
        List<String> mine = names();
        List<String> theirs = other.names();
        for (int i = 0; i < Math.max(mine.size(), theirs.size()); i++) {
            String a = i < mine.size() ? mine.get(i) : null;
            String b = i < theirs.size() ? theirs.get(i) : null;
            if (a == null || !a.equals(b)) {
                throw new IllegalArgumentException(op + ": parameter " + i + " is " + describe(a) + " here but "
                        + describe(b) + " in the other set");
            }
            sameShape(op, a, tensors.get(a).shape(), other.tensors.get(a));
        }
    }

    private static String describe(String name) {
        return name == null ? "missing" : name;
    }

    private static Tensor sameShape(String op, String name, Shape expected, Tensor actual) {
        if (!actual.shape().equals(expected)) {
            throw new IllegalArgumentException(op + ": " + name + " has shape " + expected + " here but "
                    + actual.shape() + " in the other");
        }
        return actual;
    }

    private void requireFlatLength(String op, Shape shape) {
        if (shape.rank() != 1 || shape.dim(0) != elementCount()) {
            throw new IllegalArgumentException(op + ": expected a vector of " + elementCount()
                    + " values (the parameters' total size) but got shape " + shape);
        }
    }

    /**
     * Checks a tensor name: dot-separated parts, each non-empty, such as {@code layer1.weight}.
     *
     * @return the name
     * @throws IllegalArgumentException if it is null, empty, or has an empty part
     */
    public static String checkName(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty() || name.startsWith(".") || name.endsWith(".") || name.contains("..")) {
            throw new IllegalArgumentException("invalid parameter name '" + name
                    + "': use non-empty parts separated by single dots, such as layer1.weight");
        }
        return name;
    }

    /** Equal names in the same order with exactly equal tensors. */
    @Override
    public boolean equals(Object o) {
        return o instanceof NamedTensors other && new ArrayList<>(tensors.entrySet()).equals(new ArrayList<>(other.tensors.entrySet()));
    }

    @Override
    public int hashCode() {
        return tensors.hashCode();
    }

    /** The names and shapes, e.g. {@code NamedTensors[layer1.weight [32, 64], layer1.bias [32]] (2,080 values)}. */
    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        tensors.forEach((name, t) -> parts.add(name + " " + t.shape()));
        return "NamedTensors" + parts + " (" + String.format(java.util.Locale.ROOT, "%,d", elementCount()) + " values)";
    }
}
