package org.adjoint.optim.schedule;

import org.adjoint.core.NamedTensors;
import org.adjoint.optim.Hyperparameters;

/**
 * Gradient clipping, applied to all gradients before the update rules see them. The factories return
 * values, equal when built from equal arguments and printed as the calls that built them
 * ({@code globalNorm(5.0)}); a lambda is a clipping too.
 */
@FunctionalInterface
public interface Clipping {

    /** The clipped gradients. */
    NamedTensors apply(NamedTensors grads);

    /** No clipping. */
    static Clipping none() {
        return new Clippings.None();
    }

    /**
     * Scales all gradients together so their global L2 norm {@code √Σ‖g‖²} is at most {@code maxNorm}:
     * by {@code maxNorm / (norm + 1e-6)} when that is below 1, as {@code torch.nn.utils.clip_grad_norm_}.
     * The norm is computed without overflow for any finite gradients (elements beyond about 1.3e154
     * are scaled before squaring); a NaN or infinite element makes the norm NaN or infinite, as in
     * PyTorch.
     */
    static Clipping globalNorm(double maxNorm) {
        Hyperparameters.positive("globalNorm", "maxNorm", maxNorm);
        return new Clippings.GlobalNorm(maxNorm);
    }

    /** Limits every gradient element to {@code [−limit, limit]}, as {@code torch.nn.utils.clip_grad_value_}. */
    static Clipping value(double limit) {
        Hyperparameters.positive("value", "limit", limit);
        return new Clippings.Value(limit);
    }
}
