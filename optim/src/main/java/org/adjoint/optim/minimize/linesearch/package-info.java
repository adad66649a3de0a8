/**
 * Line searches: given φ(α) = f(x + α·d) along a descent direction, choose the step α.
 *
 * <p>{@link org.adjoint.optim.minimize.linesearch.LineSearch} is the extension point and states the
 * contract every search keeps; the searches are Armijo
 * {@link org.adjoint.optim.minimize.linesearch.Backtracking},
 * {@link org.adjoint.optim.minimize.linesearch.StrongWolfe},
 * {@link org.adjoint.optim.minimize.linesearch.HagerZhang} (approximate Wolfe, CG_DESCENT's),
 * {@link org.adjoint.optim.minimize.linesearch.ExactLineSearch} (Brent),
 * {@link org.adjoint.optim.minimize.linesearch.GridSearch} (the lessons' step sweep) and
 * {@link org.adjoint.optim.minimize.linesearch.FullStep} (none: α = 1). A search sees only a
 * {@link org.adjoint.optim.minimize.linesearch.LineFunction} and returns a
 * {@link org.adjoint.optim.minimize.linesearch.LineSearchResult}: a typed
 * {@link org.adjoint.optim.minimize.linesearch.LineSearchStatus} with a message, the step to take
 * (a {@link org.adjoint.optim.minimize.linesearch.LinePoint}) when the status accepts one, the best
 * finite trial and the trace of trials, so each is usable on its own. Trials where φ is NaN or +∞ are
 * steps too long, never the end of a search by themselves; φ ≤ −1e300 means f appears unbounded below.
 * The minimizers that call the searches live in the sibling packages.
 */
package org.adjoint.optim.minimize.linesearch;
