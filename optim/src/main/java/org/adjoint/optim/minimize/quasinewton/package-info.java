/**
 * Quasi-Newton minimizers, which build curvature from gradient differences:
 * {@link org.adjoint.optim.minimize.quasinewton.Bfgs} (dense inverse Hessian, O(n²)) and
 * {@link org.adjoint.optim.minimize.quasinewton.Lbfgs} (the last m pairs, O(m·n)). Both accept a pair
 * (s, y) only through one shared curvature test, sᵀy &gt; 1e-10·‖s‖·‖y‖. Bound constraints
 * (L-BFGS-B) will live in {@code org.adjoint.optim.minimize.bounded}, not here.
 */
package org.adjoint.optim.minimize.quasinewton;
