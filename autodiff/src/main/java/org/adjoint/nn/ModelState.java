package org.adjoint.nn;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.adjoint.core.NamedTensors;
import org.adjoint.core.Tensor;

/**
 * A model's parameters and its buffers (state that is not trained, such as running statistics), kept
 * apart because only the parameters are trained, and saved together, as PyTorch's state dict holds
 * both by name.
 *
 * @param params  the trained parameters
 * @param buffers the buffers, named apart from the parameters
 */
public record ModelState(NamedTensors params, NamedTensors buffers) {

    /** Refuses null and a name that is both a parameter and a buffer. */
    public ModelState {
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(buffers, "buffers");
        for (String name : buffers.names()) {
            if (params.names().contains(name)) {
                throw new IllegalArgumentException("ModelState: " + name + " is both a parameter and a buffer");
            }
        }
    }

    /** A layer's freshly initialized state: parameters from {@code seed}, buffers at their initial values. */
    public static ModelState initialize(Layer layer, long seed) {
        return new ModelState(layer.initialize(seed), layer.initializeBuffers());
    }

    /** Parameters then buffers, in one set: what a parameter file holds. */
    public NamedTensors merged() {
        Map<String, Tensor> all = new LinkedHashMap<>(params.asMap());
        all.putAll(buffers.asMap());
        return NamedTensors.of(all);
    }

    /** The same parameters with the buffers a pass returned applied ({@link Forward#applyTo}). */
    public ModelState after(Forward pass) {
        return new ModelState(params, pass.applyTo(buffers));
    }
}
