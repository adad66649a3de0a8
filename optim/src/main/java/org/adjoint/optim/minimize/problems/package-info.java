/**
 * Standard unconstrained test problems, written with {@code Var} operations so that every minimizer
 * gets exact gradients, Hessians and Hessian-vector products from autodiff.
 *
 * <p>{@link org.adjoint.optim.minimize.problems.MoreGarbowHillstrom} holds problems 1–18 and 21–35 of
 * J. J. Moré, B. S. Garbow and K. E. Hillstrom, "Testing unconstrained optimization software", ACM
 * Transactions on Mathematical Software 7(1):17–41, 1981 (MGH below): each function, its data, its
 * standard starting point x₀ and its minimum f* are transcribed from §3 of that paper, and each
 * {@link org.adjoint.optim.minimize.problems.TestProblem} says in its {@code source} where its f* comes
 * from when the paper gives none, or too few digits, for the size used here. The functions are sums of
 * squares f = Σ rᵢ(x)², as in the paper; the residuals are written with whole-vector operations
 * (slices, broadcasting, constant matrices) rather than one node per term.
 *
 * <p>The collection backs the project's benchmark of every minimizer against SciPy
 * ({@code examples/.../bench/UnconstrainedBenchmark}, {@code BENCHMARKS.md}) and the tests that pin the
 * minimizers' robustness.
 */
package org.adjoint.optim.minimize.problems;
