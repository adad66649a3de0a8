/**
 * Reverse-mode automatic differentiation with exact higher-order derivatives: the public API.
 *
 * <p>{@link org.adjoint.autodiff.Var} is a differentiable value and the facade of every operation;
 * {@link org.adjoint.autodiff.Backward} runs a reverse sweep and returns gradients;
 * {@link org.adjoint.autodiff.Derivatives} gives {@code grad}, {@code jvp}, {@code jacobian} (by
 * forward or reverse mode), {@code hessian} and {@code hvp} of a {@link org.adjoint.autodiff.VarFunction};
 * forward mode transposes the recorded reverse sweep, so every op has one derivative rule;
 * {@link org.adjoint.autodiff.GradCheck}
 * checks scalar functions' gradients and Hessians entry by entry against finite differences;
 * {@link org.adjoint.autodiff.DerivativeCheck} checks any function of tensors along random directions
 * (first and second order, forward against reverse mode, Hessian symmetry), and
 * {@link org.adjoint.autodiff.OpContract} the rest of an op's contract (no mutation, NaN propagation,
 * kinks, shape errors), both reporting in a {@link org.adjoint.autodiff.CheckReport};
 * {@link org.adjoint.autodiff.Losses} holds the usual
 * losses. {@link org.adjoint.autodiff.Op}, {@link org.adjoint.autodiff.UnaryOp} and
 * {@link org.adjoint.autodiff.BinaryOp} are the extension points for operations of your own.
 *
 * <p>Every public method and constructor of this module refuses a {@code null} argument with a
 * {@link java.lang.NullPointerException} at the call, rather than failing later inside a sweep.
 *
 * <p>Not here: the op classes behind {@code Var}'s methods ({@code org.adjoint.autodiff.ops}) and
 * the backward engine ({@code org.adjoint.autodiff.engine}); neither is exported.
 */
package org.adjoint.autodiff;
