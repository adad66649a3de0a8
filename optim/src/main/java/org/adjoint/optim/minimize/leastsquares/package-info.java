/**
 * Nonlinear least squares with exact Jacobians: minimize {@code ½‖r(θ)‖²} for a residual function
 * r: ℝⁿ → ℝᵐ written as ordinary {@link org.adjoint.autodiff.Var} code returning a vector.
 * {@link org.adjoint.optim.minimize.leastsquares.LevenbergMarquardt} is Moré's trust-region form of the
 * method (MINPACK's {@code lmder}), with optional per-observation weights and robust
 * {@link org.adjoint.optim.minimize.leastsquares.Loss}es; {@link org.adjoint.optim.minimize.leastsquares.CurveFit}
 * fits a {@link org.adjoint.optim.minimize.leastsquares.Model} y ≈ f(x; θ) to data and reports standard errors
 * as SciPy's {@code curve_fit} does.
 *
 * <pre>{@code
 * Model misra1a = (theta, x) -> theta.slice(0, 0, 1).mul(x.mul(theta.slice(0, 1, 2)).neg().exp().neg().add(1));
 * CurveFitResult fit = CurveFit.fit(misra1a, x, y, Tensor.vector(500, 1e-4));
 * fit.theta(); fit.standardErrors(); fit.covariance();
 * }</pre>
 *
 * <p>{@code .nist} holds the NIST StRD nonlinear regression problems (parser and models), the
 * reference on which the solver's accuracy is measured.
 */
package org.adjoint.optim.minimize.leastsquares;
