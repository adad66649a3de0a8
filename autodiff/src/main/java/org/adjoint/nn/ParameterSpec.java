package org.adjoint.nn;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.adjoint.core.NamedTensors;
import org.adjoint.core.Shape;
import org.adjoint.core.Tensor;
import org.adjoint.nn.init.Initializer;

/**
 * A parameter a layer needs: its name (relative to the layer), its shape, and how to initialize it.
 *
 * @param name        e.g. {@code weight}; composite layers prefix it, e.g. {@code layer1.weight}
 * @param shape       the tensor's shape
 * @param initializer how its first values are drawn
 */
public record ParameterSpec(String name, Shape shape, Initializer initializer) {

    /** Validates the name: non-empty, without leading, trailing or doubled dots. */
    public ParameterSpec {
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(initializer, "initializer");
        NamedTensors.checkName(name);
    }

    /** The same parameter with its name prefixed: {@code weight} becomes {@code prefix.weight}. */
    public ParameterSpec prefixed(String prefix) {
        Objects.requireNonNull(prefix, "prefix");
        return new ParameterSpec(prefix + "." + name, shape, initializer);
    }

    /**
     * Parameters from their specifications, each drawn in order from {@code random}.
     *
     * @throws IllegalArgumentException if two specifications share a name
     * @throws IllegalStateException    if an initializer returns a tensor of another shape
     */
    public static NamedTensors initialize(List<ParameterSpec> specs, RandomGenerator random) {
        Objects.requireNonNull(specs, "specs");
        Objects.requireNonNull(random, "random");
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
        return NamedTensors.of(tensors);
    }
}
