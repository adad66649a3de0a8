package org.adjoint.nn.layers;

import java.util.Objects;
import org.adjoint.autodiff.Var;
import org.adjoint.nn.Context;
import org.adjoint.nn.Forward;
import org.adjoint.nn.Layer;
import org.adjoint.nn.Variables;

/**
 * Inverted dropout (PyTorch's {@code Dropout}): in a training pass each element is zeroed with
 * probability {@code p} and the others scaled by {@code 1/(1 − p)}, the mask drawn from the pass's
 * seed ({@link Context#seed}); in evaluation, and in the two-argument {@link #forward(Variables, Var)}
 * (which has no mode and so evaluates), the identity. No parameters.
 *
 * @param p the probability of zeroing an element, in [0, 1]
 */
public record Dropout(double p) implements Layer {

    /** Validates p. */
    public Dropout {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("Dropout: the probability p = " + p + " must be in [0, 1]");
        }
    }

    /** The identity: without a context there is no training mode. */
    @Override
    public Var forward(Variables params, Var x) {
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(x, "x");
        return x;
    }

    @Override
    public Forward forward(Variables params, Var x, Context ctx) {
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(ctx, "ctx");
        return Forward.of(ctx.training() ? x.dropout(p, ctx.seed()) : x);
    }
}
