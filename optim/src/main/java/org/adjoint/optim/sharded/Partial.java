package org.adjoint.optim.sharded;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;

/**
 * One shard's contribution to a sum over shards, as primitives so that it crosses a network or a
 * thread boundary as is: its value fₛ(θ) and a vector, either its gradient ∇fₛ(θ) or a
 * Hessian-vector product ∇²fₛ(θ)·v. Partials are combined with {@link Partials#sumInOrder}, in
 * shard order, so that the sum's bits do not depend on which shard finished first.
 *
 * @param value  fₛ(θ) (NaN for a Hessian-vector product, which has no value)
 * @param vector the gradient or Hessian-vector product, of θ's length; not copied, not to be changed
 */
public record Partial(double value, double[] vector) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Checks the vector is present. */
    public Partial {
        Objects.requireNonNull(vector, "vector");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Partial p && Double.compare(value, p.value) == 0 && Arrays.equals(vector, p.vector);
    }

    @Override
    public int hashCode() {
        return 31 * Double.hashCode(value) + Arrays.hashCode(vector);
    }

    @Override
    public String toString() {
        return "Partial[value=" + value + ", " + vector.length + " components]";
    }
}
