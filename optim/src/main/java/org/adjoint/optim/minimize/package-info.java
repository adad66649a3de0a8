/**
 * Deterministic minimization of a smooth function of a vector: the types every method shares.
 *
 * <p>Here live the function as the methods see it ({@link org.adjoint.optim.minimize.Objective}, fed
 * by hand-written derivatives or by autodiff through {@link org.adjoint.optim.minimize.Objective#of}),
 * the evaluation counts ({@link org.adjoint.optim.minimize.CountingObjective},
 * {@link org.adjoint.optim.minimize.Evaluations}), the contract of a method
 * ({@link org.adjoint.optim.minimize.Minimizer}, {@link org.adjoint.optim.minimize.Stopping}) and what it
 * returns ({@link org.adjoint.optim.minimize.MinimizationResult},
 * {@link org.adjoint.optim.minimize.StopReason}), and the second-derivative test
 * ({@link org.adjoint.optim.minimize.CriticalPoint}). The methods themselves live in subpackages, one
 * per problem class, as in Hipparchus' {@code optim}:
 * <ul>
 *   <li>{@code linesearch}: steps along a descent direction (Armijo, strong Wolfe, exact, grid, full step);
 *   <li>{@code gradient}: first-order line-search methods (steepest descent, nonlinear conjugate gradients);
 *   <li>{@code newton}: second-order methods (Newton, Newton-CG, trust-region Newton);
 *   <li>{@code quasinewton}: BFGS and L-BFGS;
 *   <li>{@code baseline}: the random searches the lessons compare against;
 *   <li>{@code internal}: the loop and bookkeeping the methods share (not API).
 * </ul>
 * Planned, not yet present: {@code org.adjoint.optim.minimize.bounded} for bound-constrained problems
 * (L-BFGS-B) and {@code org.adjoint.optim.minimize.leastsquares} for nonlinear least squares
 * (Levenberg–Marquardt). Stochastic first-order training (SGD, Adam) is not here but in
 * {@code org.adjoint.optim}.
 */
package org.adjoint.optim.minimize;
