package org.adjoint.optim.minimize.internal;

import org.adjoint.core.Tensor;

/**
 * How a line-search method chooses its search direction, with the memory it keeps within one run
 * (a quasi-Newton matrix, the previous direction). A fresh instance is made for every run.
 */
public interface Directions {

    /** The search direction at {@code at}. */
    Tensor direction(Iterate at);

    /** The first trial step for the line search along {@code direction}; positive and finite. */
    default double initialStep(Iterate at, Tensor direction) {
        return 1;
    }

    /** Told each step taken, for updates of the method's memory. */
    default void stepped(Iterate from, Iterate to) {
    }

    /**
     * Forgets the memory (quasi-Newton pairs, the previous direction and step) so that the next
     * direction is −∇f with a freshly scaled first step, after a line search failed along the
     * direction the memory gave. Returns whether that changes anything, that is whether a retry is
     * worthwhile; methods without memory return false.
     */
    default boolean reset() {
        return false;
    }
}
