/**
 * What the minimizers of the sibling packages share, and not API (the module does not export it):
 * the bookkeeping of one run ({@link org.adjoint.optim.minimize.internal.Run}: counted objective,
 * trace, best point, stopping tests), the iterate record, the line-search loop
 * ({@link org.adjoint.optim.minimize.internal.DescentLoop} driven by a
 * {@link org.adjoint.optim.minimize.internal.Directions}), the exception for an unusable Hessian and
 * a few vector helpers. A new line-search minimizer is a {@code Directions} plus one call of
 * {@code DescentLoop.run}.
 */
package org.adjoint.optim.minimize.internal;
