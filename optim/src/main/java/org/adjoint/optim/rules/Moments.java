package org.adjoint.optim.rules;

import java.util.Map;
import org.adjoint.core.Fused;
import org.adjoint.core.Tensor;
import org.adjoint.optim.Slots;

/**
 * The small pieces the rules share, written once so that rules which coincide mathematically (Adam
 * with β₁ = 0 and no bias correction, and RMSProp) also coincide in floating point: the exponential
 * moving averages (the fused kernels of {@link Fused}), linear interpolation, coupled weight decay, and the optional
 * momentum buffer of the SGD family.
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

    /**
     * {@code a + w·(b − a)}, computed as PyTorch's {@code lerp} computes it, {@code b − (b − a)·(1 − w)} for
     * w ≥ ½, so that w = 1 gives b exactly (Adafactor's first step, an average's first value).
     */
    static Tensor lerp(Tensor a, Tensor b, double w) {
        return w < 0.5 ? a.add(b.sub(a).mul(w)) : b.sub(b.sub(a).mul(1 - w));
    }

    /** {@code g + λ·θ}: coupled L2 weight decay, or {@code g} itself when λ = 0. */
    static Tensor withWeightDecay(Tensor g, Tensor theta, double lambda) {
        return lambda != 0 ? g.add(theta.mul(lambda)) : g;
    }

    /** A momentum buffer that may be absent (before the first step), saved as PyTorch names it. */
    static Map<String, Tensor> saveBuffer(Tensor buffer) {
        return buffer == null ? Map.of() : Map.of("momentum_buffer", buffer);
    }

    /** The buffer {@link #saveBuffer} wrote, or null if it wrote none. */
    static Tensor restoreBuffer(String rule, Map<String, Tensor> saved, Tensor param) {
        return saved.isEmpty() ? null : Slots.get(rule, saved, "momentum_buffer", param.shape());
    }
}
