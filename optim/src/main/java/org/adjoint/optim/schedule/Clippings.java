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
            double coefficient = maxNorm / (norm(grads) + 1e-6);
            return coefficient < 1 ? grads.map(g -> g.mul(coefficient)) : grads;
        }

        /**
         * √Σ‖g‖². When the plain sum of squares overflows although every element is finite (an element
         * beyond about 1.3e154), the elements are divided by the largest magnitude before squaring, as
         * LAPACK's dnrm2 does, so the norm is finite; otherwise the plain sum is kept, bit for bit.
         */
        static double norm(NamedTensors grads) {
            double sumOfSquares = 0;
            for (Tensor g : grads.asMap().values()) {
                sumOfSquares += g.square().sum().item();
            }
            if (!Double.isInfinite(sumOfSquares)) {
                return Math.sqrt(sumOfSquares);
            }
            double largest = 0;
            for (Tensor g : grads.asMap().values()) {
                largest = Math.max(largest, g.size() == 0 ? 0 : g.abs().max().item());
            }
            if (!Double.isFinite(largest)) {
                return Math.sqrt(sumOfSquares);
            }
            double scaled = 0;
            for (Tensor g : grads.asMap().values()) {
                scaled += g.div(largest).square().sum().item();
            }
            return largest * Math.sqrt(scaled);
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
