package org.adjoint.optim.minimize.linesearch;

import java.util.Objects;
import org.adjoint.core.Tensor;

/**
 * A trial point on a line: {@code x + α·d} with φ(α), and, when the search evaluated it, the gradient
 * and φ'(α).
 *
 * @param alpha    the step α
 * @param x        the point {@code x + α·d}
 * @param value    φ(α)
 * @param gradient ∇f there, or null if only the value was evaluated
 * @param slope    φ'(α), or NaN if only the value was evaluated
 */
public record LinePoint(double alpha, Tensor x, double value, Tensor gradient, double slope) {

    /** Refuses a null point (the gradient may be null, as documented). */
    public LinePoint {
        Objects.requireNonNull(x, "x");
    }

    /**
     * Whether the trial is usable: φ finite and, if the gradient was evaluated, φ' and every gradient
     * element finite. A trial that is neither usable nor {@link #isUnbounded() unbounded} (NaN or +∞ in
     * φ or φ') is "too long": the searches shrink the step and retry.
     */
    public boolean isFinite() {
        return Double.isFinite(value) && (gradient == null || (Double.isFinite(slope) && gradient.isFinite()));
    }

    /** Whether φ ≤ {@link LineFunction#UNBOUNDED} (−1e300, −∞ included): f appears unbounded below. */
    public boolean isUnbounded() {
        return value <= LineFunction.UNBOUNDED;
    }
}
