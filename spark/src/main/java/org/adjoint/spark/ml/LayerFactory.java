package org.adjoint.spark.ml;

import java.io.Serializable;
import org.adjoint.nn.Layer;

/**
 * Builds the model to fit, on the driver and again inside every task: layers are values but not
 * {@code Serializable}, so the factory is shipped instead of the layer. A lambda is serializable when
 * it captures only numbers, strings, arrays or serializable records:
 *
 * <pre>{@code
 * LayerFactory mlp = () -> Mlp.of(Activation.RELU, 20, 16, 2);
 * }</pre>
 *
 * <p>It must build the same layer (the same parameter names and shapes) every time.
 */
@FunctionalInterface
public interface LayerFactory extends Serializable {

    /** A new instance of the model's layer. */
    Layer create();
}
