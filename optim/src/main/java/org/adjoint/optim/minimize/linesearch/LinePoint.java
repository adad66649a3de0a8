package org.adjoint.optim.minimize.linesearch;

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
}
