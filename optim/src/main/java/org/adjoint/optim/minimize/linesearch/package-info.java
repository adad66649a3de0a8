/**
 * Line searches: given φ(α) = f(x + α·d) along a descent direction, choose the step α.
 *
 * <p>{@link org.adjoint.optim.minimize.linesearch.LineSearch} is the extension point; the searches are
 * Armijo {@link org.adjoint.optim.minimize.linesearch.Backtracking},
 * {@link org.adjoint.optim.minimize.linesearch.StrongWolfe},
 * {@link org.adjoint.optim.minimize.linesearch.ExactLineSearch} (Brent),
 * {@link org.adjoint.optim.minimize.linesearch.GridSearch} (the lessons' step sweep) and
 * {@link org.adjoint.optim.minimize.linesearch.FullStep} (none: α = 1). A search sees only a
 * {@link org.adjoint.optim.minimize.linesearch.LineFunction} and returns a
 * {@link org.adjoint.optim.minimize.linesearch.LineSearchResult}, an accepted
 * {@link org.adjoint.optim.minimize.linesearch.LinePoint} or the reason it failed, so each is usable
 * on its own. The minimizers that call them live in the sibling packages.
 */
package org.adjoint.optim.minimize.linesearch;
