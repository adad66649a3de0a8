package org.adjoint.optim.rules;

import org.adjoint.core.Tensor;

/**
 * The layer-wise trust ratios of {@link Lamb} and {@link Lars}: ratios of Euclidean norms taken over
 * one whole parameter tensor, which scale that tensor's step.
 */
final class TrustRatio {

    private TrustRatio() {
    }

    /** The Euclidean norm ‖x‖ of all of {@code x}'s elements. */
    static double norm(Tensor x) {
        return Math.sqrt(x.square().sum().item());
    }

    /**
     * LAMB's {@code ‖θ‖ / ‖r‖}, or 1 when either norm is 0: a tensor at 0 (a bias before training) or
     * with nothing to move it would otherwise get a step of 0 or 0/0.
     */
    static double of(double numerator, double denominator) {
        return numerator == 0 || denominator == 0 ? 1 : numerator / denominator;
    }
}
