/**
 * First-order line-search minimizers, which use f and ∇f only and keep at most a direction of memory:
 * {@link org.adjoint.optim.minimize.gradient.SteepestDescent} and
 * {@link org.adjoint.optim.minimize.gradient.NonlinearConjugateGradient} (Fletcher–Reeves,
 * Polak–Ribière+). Quasi-Newton methods, which also use only gradients but build curvature, are in
 * {@code quasinewton}; stochastic gradient descent for training is in {@code org.adjoint.optim}.
 */
package org.adjoint.optim.minimize.gradient;
