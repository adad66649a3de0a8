package org.adjoint.nn;

import java.util.List;

/**
 * A reusable piece of a model: a forward pass plus the parameters it needs, named relative to the
 * layer ({@code weight}, {@code bias}). Composites such as {@link Sequential} give each child a scope
 * and prefix its parameters' names, so that {@link Parameters#initialize(Layer, long)} can build the
 * whole set.
 */
public interface Layer extends Model {

    /** The parameters this layer reads in {@link #forward}, with relative names; none by default. */
    default List<ParameterSpec> parameters() {
        return List.of();
    }
}
