package org.adjoint.optim.schedule;

import org.adjoint.core.NamedTensors;
import org.adjoint.core.Tensor;

/**
 * The clippings {@link Clipping}'s factories build: values, equal when built from equal arguments,
 * each printed as the call that made it.
 */
final class Clippings {

    private Clippings() {
    }

    record None() implements Clipping {
        @Override
        public NamedTensors apply(NamedTensors grads) {
            return grads;
        }

        @Override
        public String toString() {
            return "none()";
        }
    }

    record GlobalNorm(double maxNorm) implements Clipping {
        @Override
        public NamedTensors apply(NamedTensors grads) {
            double sumOfSquares = 0;
            for (Tensor g : grads.asMap().values()) {
                sumOfSquares += g.square().sum().item();
            }
            double coefficient = maxNorm / (Math.sqrt(sumOfSquares) + 1e-6);
            return coefficient < 1 ? grads.map(g -> g.mul(coefficient)) : grads;
        }

        @Override
        public String toString() {
            return "globalNorm(" + maxNorm + ")";
        }
    }

    record Value(double limit) implements Clipping {
        @Override
        public NamedTensors apply(NamedTensors grads) {
            return grads.map(g -> g.clamp(-limit, limit));
        }

        @Override
        public String toString() {
            return "value(" + limit + ")";
        }
    }
}
