package org.adjoint.optim.minimize.bounded;

import java.util.Objects;
import org.adjoint.core.Tensor;
import org.adjoint.optim.minimize.MinimizationResult;

/**
 * What a bounded minimization found: the usual {@link MinimizationResult} (its {@code gradientNorm} is
 * the 2-norm of the projected gradient {@code P(x − ∇f) − x}, which vanishes at a constrained minimum,
 * not of ∇f) with the bounds, the variables held at them, and the first-order optimality measure.
 *
 * @param result                the minimization result; every point of its trace lies inside the box
 * @param bounds                the bounds the run kept to
 * @param activeSet             the variables of {@code result.x()} at a bound
 * @param projectedGradientNorm {@code ‖P(x − ∇f(x)) − x‖∞} at {@code result.x()} (NaN when unknown),
 *                              the quantity L-BFGS-B's gradient tolerance tests
 * @param startProjected        whether the start lay outside the box and was projected onto it
 */
public record BoundedResult(MinimizationResult result, Bounds bounds, ActiveSet activeSet, double projectedGradientNorm,
                            boolean startProjected) {

    /** Refuses null components. */
    public BoundedResult {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(bounds, "bounds");
        Objects.requireNonNull(activeSet, "activeSet");
    }

    /** The point found, {@code result().x()}. */
    public Tensor x() {
        return result.x();
    }

    /** f there, {@code result().value()}. */
    public double value() {
        return result.value();
    }

    /** Whether a tolerance was met. */
    public boolean converged() {
        return result.converged();
    }

    @Override
    public String toString() {
        return "BoundedResult[" + result + "; " + activeSet + "; ‖projected ∇f‖∞ = " + projectedGradientNorm + "]";
    }
}
