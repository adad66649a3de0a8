package org.adjoint.nn;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.adjoint.autodiff.Var;
import org.adjoint.core.NamedTensors;
import org.adjoint.core.Tensor;

/**
 * The result of a forward pass in a {@link Context}: the output, and the buffers the pass changed
 * (named relative to the layer, as its buffers are declared), returned rather than stored anywhere.
 * A training pass of batch normalization returns its new running statistics here; an evaluation
 * pass, or a layer without buffers, returns none.
 *
 * @param output  the output
 * @param updates the changed buffers, by name; empty if none
 */
public record Forward(Var output, NamedTensors updates) {

    /** Refuses null. */
    public Forward {
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(updates, "updates");
    }

    /** An output that changed no buffer. */
    public static Forward of(Var output) {
        return new Forward(output, NamedTensors.of(Map.of()));
    }

    /**
     * {@code buffers} with this pass's updates applied: the model's buffers after the pass.
     *
     * @throws IllegalArgumentException if an update names a buffer that {@code buffers} lacks
     */
    public NamedTensors applyTo(NamedTensors buffers) {
        Map<String, Tensor> out = new LinkedHashMap<>(buffers.asMap());
        for (String name : updates.names()) {
            if (!out.containsKey(name)) {
                throw new IllegalArgumentException("applyTo: the pass updated " + name + " but the buffers are "
                        + buffers.names());
            }
            out.put(name, updates.get(name));
        }
        return NamedTensors.of(out);
    }
}
