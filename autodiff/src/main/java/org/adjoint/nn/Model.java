package org.adjoint.nn;

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
}
