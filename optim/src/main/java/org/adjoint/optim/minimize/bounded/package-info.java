/**
 * Minimization subject to simple bounds {@code l ≤ x ≤ u}: the box
 * ({@link org.adjoint.optim.minimize.bounded.Bounds}, with projection, the projected gradient and the
 * active set), the method interface ({@link org.adjoint.optim.minimize.bounded.BoundedMinimizer}), its
 * result ({@link org.adjoint.optim.minimize.bounded.BoundedResult}: the usual minimization result
 * plus the variables held at their bounds), L-BFGS-B
 * ({@link org.adjoint.optim.minimize.bounded.LbfgsB}), and bounded versions of standard test problems
 * ({@link org.adjoint.optim.minimize.bounded.BoundedProblems}).
 */
package org.adjoint.optim.minimize.bounded;
