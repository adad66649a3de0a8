package org.adjoint.autodiff.ops;

import java.util.SplittableRandom;
import org.adjoint.autodiff.Var;
import org.adjoint.core.Shape;
import org.adjoint.core.Tensor;

/**
 * Inverted dropout, {@code y = x · m} with the constant mask {@code mᵢ = [uᵢ ≥ p] / (1 − p)} for
 * {@code uᵢ} uniform on [0, 1) drawn from a {@link SplittableRandom} seeded with {@code seed}, one per
 * element in row-major order;  x̄ = ȳ · m. It records a {@link Mul} by the mask, not an op of its own:
 * the mask is data, so the rule is linear and every order of derivative is exact. The same seed and
 * shape give the same mask; {@code p = 1} drops everything (y = 0), as PyTorch does. The mask is not
 * PyTorch's bit for bit (its generator differs); its distribution is.
 */
public final class DropoutMask {

    private DropoutMask() {
    }

    /**
     * The mask for a tensor of shape {@code shape}.
     *
     * @throws IllegalArgumentException if {@code p} is not in [0, 1]
     */
    public static Tensor of(Shape shape, double p, long seed) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("dropout: the probability p = " + p + " must be in [0, 1]");
        }
        SplittableRandom random = new SplittableRandom(seed);
        double keep = p == 1 ? 0 : 1 / (1 - p);
        return Tensor.generate(shape, i -> random.nextDouble() >= p ? keep : 0);
    }

    /** {@code x} times the mask {@link #of}{@code (x.shape(), p, seed)}. */
    public static Var apply(Var x, double p, long seed) {
        return x.mul(Var.constant(of(x.shape(), p, seed)));
    }
}
