/**
 * Derivative-free minimizers: thin adapters over commons-math3's optimizers behind the project's
 * {@link org.adjoint.optim.minimize.Minimizer}, so that switching method is a one-line change, as
 * with {@code scipy.optimize.minimize(method=...)}:
 * {@link org.adjoint.optim.minimize.derivativefree.NelderMead} (SciPy's defaults),
 * {@link org.adjoint.optim.minimize.derivativefree.Powell},
 * {@link org.adjoint.optim.minimize.derivativefree.Bobyqa} (simple bounds) and
 * {@link org.adjoint.optim.minimize.derivativefree.CmaEs} (seeded, reproducible).
 *
 * <p>What they share: they ask the {@link org.adjoint.optim.minimize.Objective} for values only, through
 * the run's counting objective. f(x₀) is evaluated first and recorded; then each evaluation
 * commons-math asks for is one iteration, so {@link org.adjoint.optim.minimize.Stopping#maxIterations()}
 * and {@link org.adjoint.optim.minimize.Stopping#maxEvaluations()} both bound evaluations, and the
 * evaluation budget is honoured exactly ({@link org.adjoint.optim.minimize.StopReason#MAX_EVALUATIONS}).
 * The trace holds x₀ and each point that lowered the best f, so f never increases along it and the
 * result's x is the best point met. A NaN or +∞ value is a point worse than any other for
 * Nelder–Mead, Powell and CMA-ES, which only compare values (as the line searches treat it: a step
 * too far); it stops BOBYQA, whose quadratic model cannot use it, with
 * {@link org.adjoint.optim.minimize.StopReason#NON_FINITE_VALUE}. f ≤ −1e300 stops any of them with
 * {@link org.adjoint.optim.minimize.StopReason#UNBOUNDED_BELOW}; the best point is kept. The
 * Stopping's gradient tolerance is not used (there is no gradient); its function and step tolerances
 * are, where commons-math accepts a convergence checker (each class says how). A problem commons-math
 * refuses becomes an {@link IllegalArgumentException} naming the method.
 */
package org.adjoint.optim.minimize.derivativefree;
