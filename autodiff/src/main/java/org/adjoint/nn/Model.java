package org.adjoint.nn;

import java.util.Objects;
import org.adjoint.autodiff.Var;

/**
 * A model's forward pass, written as ordinary Java with {@link Var} operations: from parameters and
 * an input batch (one example per row) to outputs, usually class scores. A lambda will do:
 *
 * <pre>{@code
 * Model linear = (p, x) -> x.matmul(p.get("W").transpose()).add(p.get("b"));
 * }</pre>
 */
@FunctionalInterface
public interface Model {

    /** The output for input {@code x} with parameters {@code params}. */
    Var forward(Variables params, Var x);

    /**
     * The output for input {@code x} in the mode and with the buffers of {@code ctx}, and the buffers
     * the pass changed. By default the two-argument {@link #forward(Variables, Var)}, changing nothing:
     * layers whose behaviour depends on the mode (dropout, batch normalization) override it.
     */
    default Forward forward(Variables params, Var x, Context ctx) {
        Objects.requireNonNull(ctx, "ctx");
        return Forward.of(forward(params, x));
    }

    /**
     * This model with the context fixed, as a plain {@link Model} (for {@link Predictions} and
     * evaluations): {@code net.in(Context.evaluation(buffers))}. Buffer updates are discarded.
     */
    default Model in(Context ctx) {
        Objects.requireNonNull(ctx, "ctx");
        return (params, x) -> forward(params, x, ctx).output();
    }
}
