package org.adjoint.optim.minimize.bounded;

import org.adjoint.core.Tensor;
import org.adjoint.optim.minimize.Objective;
import org.adjoint.optim.minimize.Stopping;

/**
 * A method that minimizes a smooth objective over a box {@code l ≤ x ≤ u} ({@link Bounds}).
 * Implementations are immutable and may be shared; each run keeps its own state. Every iterate they
 * record lies inside the box, and the objective is never evaluated outside it.
 */
public interface BoundedMinimizer {

    /**
     * Minimizes {@code f} over {@code bounds} from {@code x0}. A start outside the box is projected
     * onto it (each coordinate clipped to its interval, as SciPy's {@code minimize} does for
     * L-BFGS-B), and the result's message says so.
     *
     * @throws IllegalArgumentException if x0 is not a finite vector, or its length is not the bounds'
     */
    BoundedResult minimize(Objective f, Tensor x0, Bounds bounds, Stopping stopping);

    /** Minimizes with {@link Stopping#defaults()}. */
    default BoundedResult minimize(Objective f, Tensor x0, Bounds bounds) {
        return minimize(f, x0, bounds, Stopping.defaults());
    }
}
