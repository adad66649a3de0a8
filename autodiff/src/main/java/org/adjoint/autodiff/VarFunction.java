package org.adjoint.autodiff;

/**
 * A function written with {@link Var} operations, the thing {@link Derivatives} differentiates:
 * {@code x -> x.sin().mul(x).sum()}.
 */
@FunctionalInterface
public interface VarFunction {

    /** The function's value at {@code x}, computed with {@code Var} operations so it is recorded. */
    Var apply(Var x);
}
