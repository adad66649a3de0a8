package org.adjoint.nn;

import java.util.List;
import java.util.Random;
import org.adjoint.autodiff.Var;
import org.adjoint.core.NamedTensors;

/**
 * A reusable piece of a model: a forward pass plus the parameters it needs, named relative to the
 * layer ({@code weight}, {@code bias}). Composites such as {@code Sequential} give each child a scope
 * and prefix its parameters' names, so that {@link #initialize(long)} can build the
 * whole set.
 */
public interface Layer extends Model {

    /** The parameters this layer reads in {@link #forward}, with relative names; none by default. */
    default List<ParameterSpec> parameters() {
        return List.of();
    }

    /**
     * The buffers this layer reads in {@link #forward(Variables, Var, Context)}: state that is not
     * trained (running statistics), with relative names, kept in a {@link NamedTensors} beside the
     * parameters; none by default.
     */
    default List<ParameterSpec> buffers() {
        return List.of();
    }

    /** The buffers this layer declares, at their initial values (these initializers draw nothing random). */
    default NamedTensors initializeBuffers() {
        return ParameterSpec.initialize(buffers(), new Random(0));
    }

    /**
     * The parameters this layer declares, initialized in order from a {@link Random} seeded with
     * {@code seed}: the same values every time for the same seed.
     */
    default NamedTensors initialize(long seed) {
        return ParameterSpec.initialize(parameters(), new Random(seed));
    }
}
