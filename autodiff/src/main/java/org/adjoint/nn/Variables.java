package org.adjoint.nn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.function.Function;
import org.adjoint.autodiff.Backward;
import org.adjoint.autodiff.UnusedVariableException;
import org.adjoint.autodiff.Var;
import org.adjoint.core.NamedTensors;
import org.adjoint.core.Shape;
import org.adjoint.core.Tensor;

/**
 * A model's parameters as {@link Var}s, by name: what a forward pass reads. Made by
 * {@link #track} (parameters that record the pass, for training) or
 * {@link #constants} (nothing recorded, for evaluation). A layer inside a composite reads
 * its own parameters through a {@link #scope}: {@code vars.scope("layer1").get("weight")} is
 * {@code layer1.weight}.
 */
public final class Variables {

    private final Map<String, Var> vars;
    private final String prefix;

    Variables(Map<String, Var> vars) {
        this(Collections.unmodifiableMap(vars), "");
    }

    /** Variables from named values, e.g. to evaluate a model at parameters computed elsewhere. */
    public static Variables of(Map<String, Var> vars) {
        Map<String, Var> copy = new LinkedHashMap<>();
        vars.forEach((name, v) -> copy.put(NamedTensors.checkName(name), v));
        return new Variables(copy);
    }

    private Variables(Map<String, Var> vars, String prefix) {
        this.vars = vars;
        this.prefix = prefix;
    }

    /** Parameter values for recording a forward pass: one {@link Var#param} per tensor. */
    public static Variables track(NamedTensors parameters) {
        return of(parameters, Var::param);
    }

    /** Parameter values for evaluation: one {@link Var#constant} per tensor, so nothing is recorded. */
    public static Variables constants(NamedTensors parameters) {
        return of(parameters, Var::constant);
    }

    /**
     * The parameters laid out as {@code layout} is (names and shapes), as slices of one recorded
     * vector θ, so that a model's loss becomes a function of θ alone and {@code Derivatives.hessian}
     * or a Newton method can work on all parameters at once.
     *
     * @throws IllegalArgumentException if θ is not a vector of {@code layout.elementCount()} values
     */
    public static Variables unflatten(NamedTensors layout, Var theta) {
        Shape shape = theta.shape();
        if (shape.rank() != 1 || shape.dim(0) != layout.elementCount()) {
            throw new IllegalArgumentException("unflatten: expected a vector of " + layout.elementCount()
                    + " values (the parameters' total size) but got shape " + shape);
        }
        Map<String, Var> vars = new LinkedHashMap<>();
        int at = 0;
        for (Map.Entry<String, Tensor> e : layout.asMap().entrySet()) {
            Shape part = e.getValue().shape();
            vars.put(e.getKey(), theta.slice(0, at, at + part.size()).reshape(part));
            at += part.size();
        }
        return new Variables(vars);
    }

    private static Variables of(NamedTensors parameters, Function<Tensor, Var> wrap) {
        Map<String, Var> vars = new LinkedHashMap<>();
        parameters.asMap().forEach((name, value) -> vars.put(name, wrap.apply(value)));
        return new Variables(vars);
    }

    /**
     * The variable named {@code name} within this scope.
     *
     * @throws IllegalArgumentException naming the full name and the names there are, if it is missing
     */
    public Var get(String name) {
        Objects.requireNonNull(name, "name");
        Var v = vars.get(prefix + name);
        if (v == null) {
            throw new IllegalArgumentException("no parameter named " + prefix + name + "; the parameters are "
                    + new ArrayList<>(vars.keySet()));
        }
        return v;
    }

    /** The view in which {@code get("weight")} means {@code get(scope + ".weight")}. */
    public Variables scope(String scope) {
        NamedTensors.checkName(scope);
        return new Variables(vars, prefix + scope + ".");
    }

    /**
     * The gradient of a scalar {@code loss} with respect to every parameter, as a parameter set of the
     * same names and shapes.
     *
     * @throws IllegalArgumentException naming every parameter the loss was not computed from (a loop
     *         that trained it would silently train nothing); use {@link #gradientsAllowingUnused} where
     *         zeros are meant
     */
    public NamedTensors gradients(Var loss) {
        List<String> names = new ArrayList<>(vars.keySet());
        try {
            return named(names, Backward.of(loss).gradients(vars.values().toArray(new Var[0])));
        } catch (UnusedVariableException e) {
            throw unused(names, e);
        }
    }

    /**
     * Like {@link #gradients}, with zeros for a parameter the loss was not computed from (PyTorch's
     * {@code allow_unused=True}), e.g. a layer deliberately left out of this loss.
     */
    public NamedTensors gradientsAllowingUnused(Var loss) {
        List<String> names = new ArrayList<>(vars.keySet());
        return named(names, Backward.of(loss).allowingUnused().gradients(vars.values().toArray(new Var[0])));
    }

    private static NamedTensors named(List<String> names, Tensor[] grads) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (int i = 0; i < grads.length; i++) {
            out.put(names.get(i), grads[i]);
        }
        return NamedTensors.of(out);
    }

    private IllegalArgumentException unused(List<String> names, UnusedVariableException e) {
        int[] positions = e.positions();
        StringJoiner which = new StringJoiner(", ", "[", "]");
        StringJoiner shapes = new StringJoiner(", ");
        for (int p : positions) {
            which.add(names.get(p));
            shapes.add(vars.get(names.get(p)).shape().toString());
        }
        boolean one = positions.length == 1;
        return new IllegalArgumentException("gradients: the loss was not computed from " + (one ? "parameter " : "parameters ")
                + which + (one ? " (shape " : " (shapes ") + shapes + "); a Var made by another Variables.track or"
                + " Var.param of the same values is a different variable (use gradientsAllowingUnused to get zeros"
                + " instead)", e);
    }

    /** The current values, as a parameter set. */
    public NamedTensors values() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        vars.forEach((name, v) -> out.put(name, v.value()));
        return NamedTensors.of(out);
    }
}
