package org.adjoint.optim.rules;

import org.adjoint.core.Fused;
import org.adjoint.core.Tensor;

/**
 * The exponential moving averages that the adaptive rules share, written once so that rules which
 * coincide mathematically (Adam with β₁ = 0 and RMSProp) also coincide in floating point.
 */
final class Moments {

    private Moments() {
    }

    /** {@code β·m + (1 − β)·x}. */
    static Tensor average(Tensor m, double beta, Tensor x) {
        return Fused.movingAverage(m, beta, x);
    }

    /** {@code β·v + (1 − β)·g⊙g}. */
    static Tensor averageOfSquares(Tensor v, double beta, Tensor g) {
        return Fused.movingAverageOfSquares(v, beta, g);
    }

    /** {@code g + λ·θ}: coupled L2 weight decay, or {@code g} itself when λ = 0. */
    static Tensor withWeightDecay(Tensor g, Tensor theta, double lambda) {
        return lambda != 0 ? g.add(theta.mul(lambda)) : g;
    }
}
