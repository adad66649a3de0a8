package org.adjoint.optim.schedule;

import org.adjoint.core.NamedTensors;
import org.adjoint.core.Tensor;
import org.adjoint.optim.Hyperparameters;

/** Gradient clipping, applied to all gradients before the update rules see them. */
@FunctionalInterface
public interface Clipping {

    /** The clipped gradients. */
    NamedTensors apply(NamedTensors grads);

    /** No clipping. */
    static Clipping none() {
        return grads -> grads;
    }

    /**
     * Scales all gradients together so their global L2 norm {@code √Σ‖g‖²} is at most {@code maxNorm}:
     * by {@code maxNorm / (norm + 1e-6)} when that is below 1, as {@code torch.nn.utils.clip_grad_norm_}.
     */
    static Clipping globalNorm(double maxNorm) {
        Hyperparameters.positive("globalNorm", "maxNorm", maxNorm);
        return grads -> {
            double sumOfSquares = 0;
            for (Tensor g : grads.asMap().values()) {
                sumOfSquares += g.square().sum().item();
            }
            double coefficient = maxNorm / (Math.sqrt(sumOfSquares) + 1e-6);
            return coefficient < 1 ? grads.map(g -> g.mul(coefficient)) : grads;
        };
    }

    /** Limits every gradient element to {@code [−limit, limit]}, as {@code torch.nn.utils.clip_grad_value_}. */
    static Clipping value(double limit) {
        Hyperparameters.positive("value", "limit", limit);
        return grads -> grads.map(g -> g.clamp(-limit, limit));
    }
}
