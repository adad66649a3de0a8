package org.adjoint.optim.minimize.leastsquares;

import org.adjoint.autodiff.Var;

/**
 * A model y ≈ f(x; θ) for {@link CurveFit}, written with {@link Var} operations: given the parameter
 * vector θ (length n) and all the predictors x at once (a constant whose first axis runs over the m
 * observations: shape [m] for one predictor, [m, k] for k), return the m predictions as a vector.
 *
 * <pre>{@code
 * Model misra1a = (theta, x) -> {
 *     Var b1 = theta.slice(0, 0, 1), b2 = theta.slice(0, 1, 2);
 *     return b1.mul(x.mul(b2).neg().exp().neg().add(1));      // b1·(1 − exp(−b2·x))
 * };
 * }</pre>
 */
@FunctionalInterface
public interface Model {

    /** The predictions f(x; θ), a vector of length m. */
    Var predict(Var theta, Var x);
}
