package org.adjoint.nn;

import java.util.Objects;
import org.adjoint.core.Shape;

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
        Parameters.checkName(name);
    }

    /** The same parameter with its name prefixed: {@code weight} becomes {@code prefix.weight}. */
    public ParameterSpec prefixed(String prefix) {
        return new ParameterSpec(prefix + "." + name, shape, initializer);
    }
}
