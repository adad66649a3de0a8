package org.adjoint.nn.layers;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.adjoint.autodiff.Var;
import org.adjoint.core.NamedTensors;
import org.adjoint.core.Tensor;
import org.adjoint.nn.Context;
import org.adjoint.nn.Forward;
import org.adjoint.nn.Layer;
import org.adjoint.nn.ParameterSpec;
import org.adjoint.nn.Variables;

/**
 * Layers applied one after another. Each layer that has parameters reads them in its own scope:
 * {@link #of} names those layers {@code layer1}, {@code layer2}, … in order (layers without
 * parameters, such as activations, take no name), and {@link #then(String, Layer)} names one
 * explicitly (layers with buffers, such as batch normalization, are named like those with parameters).
 * A pass in a {@link Context} gives each layer its child context and collects their buffer updates.
 * So {@code Sequential.of(new Affine(4, 3), Activation.RELU, new Affine(3, 2))} has the
 * parameters {@code layer1.weight, layer1.bias, layer2.weight, layer2.bias}.
 */
public final class Sequential implements Layer {

    /** A layer and the scope its parameters live in (null for a layer without parameters). */
    private record Step(String name, Layer layer) {
    }

    private final List<Step> steps;

    private Sequential(List<Step> steps) {
        this.steps = List.copyOf(steps);
        Set<String> names = new HashSet<>();
        for (Step s : steps) {
            if (s.name() != null && !names.add(s.name())) {
                throw new IllegalArgumentException("Sequential: two layers are named " + s.name());
            }
        }
    }

    /** The layers in order, those with parameters named {@code layer1}, {@code layer2}, …. */
    public static Sequential of(Layer... layers) {
        Sequential s = new Sequential(List.of());
        for (Layer layer : layers) {
            s = s.then(layer);
        }
        return s;
    }

    /** This sequence followed by {@code layer}, named {@code layerK} if it has parameters or buffers (K counts such layers). */
    public Sequential then(Layer layer) {
        if (layer.parameters().isEmpty() && layer.buffers().isEmpty()) {
            return append(new Step(null, layer));
        }
        long named = steps.stream().filter(s -> s.name() != null).count();
        return then("layer" + (named + 1), layer);
    }

    /** This sequence followed by {@code layer}, whose parameters are prefixed by {@code name}. */
    public Sequential then(String name, Layer layer) {
        Objects.requireNonNull(layer, "layer");
        return append(new Step(NamedTensors.checkName(name), layer));
    }

    private Sequential append(Step step) {
        List<Step> more = new ArrayList<>(steps);
        more.add(step);
        return new Sequential(more);
    }

    @Override
    public List<ParameterSpec> parameters() {
        List<ParameterSpec> specs = new ArrayList<>();
        for (Step s : steps) {
            for (ParameterSpec spec : s.layer().parameters()) {
                specs.add(spec.prefixed(s.name()));
            }
        }
        return specs;
    }

    @Override
    public List<ParameterSpec> buffers() {
        List<ParameterSpec> specs = new ArrayList<>();
        for (Step s : steps) {
            for (ParameterSpec spec : s.layer().buffers()) {
                specs.add(spec.prefixed(s.name()));
            }
        }
        return specs;
    }

    /**
     * Each layer in turn, in its child context ({@link Context#child}: its position, and its name as the
     * buffers' scope); the updates of all layers, prefixed by their names.
     */
    @Override
    public Forward forward(Variables params, Var x, Context ctx) {
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(ctx, "ctx");
        Var y = x;
        Map<String, Tensor> updates = new LinkedHashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            Forward f = s.layer().forward(s.name() == null ? params : params.scope(s.name()), y,
                    s.name() == null ? ctx.child(i) : ctx.child(i, s.name()));
            f.updates().asMap().forEach((name, value) -> updates.put(s.name() == null ? name : s.name() + "." + name, value));
            y = f.output();
        }
        return new Forward(y, NamedTensors.of(updates));
    }

    @Override
    public Var forward(Variables params, Var x) {
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(x, "x");
        Var y = x;
        for (Step s : steps) {
            y = s.layer().forward(s.name() == null ? params : params.scope(s.name()), y);
        }
        return y;
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        for (Step s : steps) {
            parts.add(s.name() == null ? s.layer().toString() : s.name() + "=" + s.layer());
        }
        return "Sequential" + parts;
    }
}
