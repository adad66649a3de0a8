package org.adjoint.nn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;
import java.util.random.RandomGenerator;
import org.adjoint.autodiff.Var;
import org.adjoint.core.Shape;
import org.adjoint.core.Tensor;

/**
 * A model's parameters: named tensors in a stable order, such as {@code layer1.weight},
 * {@code layer1.bias}, {@code layer2.weight}. Immutable: an optimizer step returns a new set.
 *
 * <pre>{@code
 * Layer net = Mlp.of(Activation.RELU, 64, 32, 10);
 * Parameters params = Parameters.initialize(net, 42);      // seeded: the same every time
 * Variables vars = params.track();                         // one Var.param per tensor
 * Var loss = Losses.softmaxCrossEntropy(net.forward(vars, Var.constant(x)), labels);
 * Parameters grads = vars.gradients(loss);                 // same names and shapes
 * }</pre>
 *
 * <p>The set can be flattened to one vector and back ({@link #flatten}, {@link #unflatten}), for
 * methods such as Newton's or L-BFGS that see all parameters as one point.
 */
public final class Parameters {

    private final Map<String, Tensor> tensors;

    private Parameters(Map<String, Tensor> tensors) {
        this.tensors = Collections.unmodifiableMap(tensors);
    }

    /** A set from named tensors, in the map's iteration order. */
    public static Parameters of(Map<String, Tensor> tensors) {
        Map<String, Tensor> copy = new LinkedHashMap<>();
        tensors.forEach((name, value) -> copy.put(checkName(name), value));
        return new Parameters(copy);
    }

    /** The parameters {@code layer} declares, initialized from a {@link Random} seeded with {@code seed}. */
    public static Parameters initialize(Layer layer, long seed) {
        return initialize(layer.parameters(), new Random(seed));
    }

    /** Parameters from their specifications, each drawn in order from {@code random}. */
    public static Parameters initialize(List<ParameterSpec> specs, RandomGenerator random) {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        for (ParameterSpec spec : specs) {
            Tensor value = spec.initializer().sample(spec.shape(), random);
            if (!value.shape().equals(spec.shape())) {
                throw new IllegalStateException("initialize: the initializer of " + spec.name() + " returned shape "
                        + value.shape() + " instead of " + spec.shape());
            }
            if (tensors.put(spec.name(), value) != null) {
                throw new IllegalArgumentException("initialize: two parameters are named " + spec.name());
            }
        }
        return new Parameters(tensors);
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
        int n = 0;
        for (Tensor t : tensors.values()) {
            n += t.size();
        }
        return n;
    }

    /** The same set with {@code name}'s tensor replaced by one of the same shape. */
    public Parameters with(String name, Tensor value) {
        Tensor old = get(name);
        if (!old.shape().equals(value.shape())) {
            throw new IllegalArgumentException("with: " + name + " has shape " + old.shape()
                    + " but the new value has shape " + value.shape());
        }
        Map<String, Tensor> copy = new LinkedHashMap<>(tensors);
        copy.put(name, value);
        return new Parameters(copy);
    }

    /** Every tensor transformed by {@code f}, which must keep its shape. */
    public Parameters map(UnaryOperator<Tensor> f) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        tensors.forEach((name, t) -> out.put(name, sameShape("map", name, t.shape(), f.apply(t))));
        return new Parameters(out);
    }

    /** {@code f(this[name], other[name])} for every name; both sets must have the same names and shapes. */
    public Parameters zip(Parameters other, BinaryOperator<Tensor> f) {
        requireSameLayout("zip", other);
        Map<String, Tensor> out = new LinkedHashMap<>();
        tensors.forEach((name, t) -> out.put(name, sameShape("zip", name, t.shape(), f.apply(t, other.tensors.get(name)))));
        return new Parameters(out);
    }

    /** Parameter values for recording a forward pass: one {@link Var#param} per tensor. */
    public Variables track() {
        return Variables.of(this, Var::param);
    }

    /** Parameter values for evaluation: one {@link Var#constant} per tensor, so nothing is recorded. */
    public Variables constants() {
        return Variables.of(this, Var::constant);
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
    public Parameters unflatten(Tensor vector) {
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
        return new Parameters(out);
    }

    /**
     * The parameters as slices of one recorded vector θ, so that a model's loss becomes a function of
     * θ alone and {@code Derivatives.hessian} or a Newton method can work on all parameters at once.
     */
    public Variables unflatten(Var theta) {
        requireFlatLength("unflatten", theta.shape());
        Map<String, Var> vars = new LinkedHashMap<>();
        int at = 0;
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            Shape shape = e.getValue().shape();
            vars.put(e.getKey(), theta.slice(0, at, at + shape.size()).reshape(shape));
            at += shape.size();
        }
        return new Variables(vars);
    }

    /**
     * Checks that {@code other} has the same names, in the same order, with the same shapes.
     *
     * @throws IllegalArgumentException naming the first parameter that differs and how
     */
    public void requireSameLayout(String op, Parameters other) {
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

    /** A parameter name: dot-separated parts, each non-empty. */
    static String checkName(String name) {
        if (name == null || name.isEmpty() || name.startsWith(".") || name.endsWith(".") || name.contains("..")) {
            throw new IllegalArgumentException("invalid parameter name '" + name
                    + "': use non-empty parts separated by single dots, such as layer1.weight");
        }
        return name;
    }

    /** Equal names in the same order with exactly equal tensors. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Parameters other && new ArrayList<>(tensors.entrySet()).equals(new ArrayList<>(other.tensors.entrySet()));
    }

    @Override
    public int hashCode() {
        return tensors.hashCode();
    }

    /** The names and shapes, e.g. {@code Parameters[layer1.weight [32, 64], layer1.bias [32]] (2,080 values)}. */
    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        tensors.forEach((name, t) -> parts.add(name + " " + t.shape()));
        return "Parameters" + parts + " (" + String.format(java.util.Locale.ROOT, "%,d", elementCount()) + " values)";
    }
}
