package org.adjoint.optim.minimize;

import org.adjoint.core.Tensor;

/**
 * A method that minimizes a smooth objective of a vector from a starting point. Implementations are
 * immutable and may be reused and shared; each run keeps its own state.
 */
public interface Minimizer {

    /**
     * Minimizes {@code f} from {@code x0}.
     *
     * @throws IllegalArgumentException if {@code x0} is not a finite vector, or the objective's gradient
     *                                  has another shape
     */
    MinimizationResult minimize(Objective f, Tensor x0, Stopping stopping);

    /** Minimizes with {@link Stopping#defaults()}. */
    default MinimizationResult minimize(Objective f, Tensor x0) {
        return minimize(f, x0, Stopping.defaults());
    }
}
