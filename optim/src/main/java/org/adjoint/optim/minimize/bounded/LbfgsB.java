package org.adjoint.optim.minimize.bounded;

import java.util.Objects;
import org.adjoint.core.Tensor;
import org.adjoint.optim.minimize.MinimizationResult;
import org.adjoint.optim.minimize.Minimizer;
import org.adjoint.optim.minimize.Objective;
import org.adjoint.optim.minimize.Stopping;
import org.adjoint.optim.minimize.linesearch.CappedLineSearch;
import org.adjoint.optim.minimize.linesearch.MoreThuente;

/**
 * L-BFGS-B (Byrd, Lu, Nocedal and Zhu, "A limited memory algorithm for bound constrained optimization",
 * SIAM J. Sci. Comput. 16(5):1190–1208, 1995), version 3.0 (Morales and Nocedal, ACM TOMS 38(1), 2011):
 * limited-memory BFGS for {@code min f(x)} subject to {@code l ≤ x ≤ u}. Each iteration from xₖ:
 * <ol>
 *   <li>the quadratic model {@code m(z) = f + gᵀ(z − x) + ½(z − x)ᵀB(z − x)}, B the compact L-BFGS
 *       matrix {@code θI − W·M·Wᵀ} of the last m pairs (the compact representation of Byrd, Nocedal
 *       and Schnabel 1994);
 *   <li>its generalized Cauchy point x^c along the projected gradient path {@code P(x − t·g)},
 *       breakpoints in order, which fixes the active set;
 *   <li>the model minimized over the free variables, by the direct primal method, then
 *       projected into the box, or backtracked if the projection does not descend (version 3.0), giving x̄;
 *   <li>a Moré–Thuente line search along {@code d = x̄ − x} with its step capped at the largest feasible
 *       step (SciPy's {@code lnsrlb}): at the first iteration of a constrained problem the cap is 1, later
 *       the distance to the boundary along d; the first trial is {@code min(1/‖d‖, cap)} at the first
 *       iteration of a problem that is not bounded on every side, else 1;
 *   <li>the pair (s, y) added to the memory if {@code sᵀy > ε·yᵀy}.
 * </ol>
 * When the line search fails, the memory is dropped and the iteration retried from the steepest
 * descent model; a failure with an empty memory stops the run, as in SciPy.
 *
 * <p><b>Stopping</b> (as SciPy's): {@link Stopping#gradientTolerance()} is tested against the ∞-norm of
 * the projected gradient, {@code ‖P(x − ∇f) − x‖∞ ≤ pgtol}; {@link Stopping#functionTolerance()} is the
 * relative reduction {@code (fₖ − fₖ₊₁)/max(|fₖ|, |fₖ₊₁|, 1) ≤ factr·ε}, tested after the gradient;
 * the step tolerance and the no-progress and unbounded-below tests are the library's usual ones. The
 * iteration budget is checked between iterations; the evaluation budget is never exceeded, as each line
 * search may evaluate at most what is left of it ({@code LineFunction.evaluationLimit}).
 * {@link #scipyStopping()} gives SciPy 1.10's defaults ({@code gtol = 1e-5}, {@code ftol = 2.22e-9},
 * i.e. factr = 1e7, 15,000 iterations and evaluations); SciPy counts its {@code maxfun} the same way,
 * one per value-and-gradient evaluation, but may overrun it within a line search.
 *
 * <p>Iterates are projected onto the box (so that a variable at its bound equals it exactly) and the
 * objective is evaluated only at projected points. A start outside the box is projected onto it and
 * the result's message says so. Without bounds (and as a {@link Minimizer}) the method is L-BFGS with
 * the compact representation.
 *
 * @param memory     m, the number of pairs kept (10 by default, as SciPy)
 * @param lineSearch the line search (Moré–Thuente by default, or Hager–Zhang); its step bound is replaced at
 *                   every iteration by the feasible one
 */
public record LbfgsB(int memory, CappedLineSearch lineSearch) implements BoundedMinimizer, Minimizer {

    /** Validates the memory. */
    public LbfgsB {
        Objects.requireNonNull(lineSearch, "lineSearch");
        if (memory < 1) {
            throw new IllegalArgumentException("LbfgsB: memory = " + memory + " must be at least 1");
        }
    }

    /** m = 10 and SciPy's line search constants for L-BFGS-B: c₁ = 1e-3, c₂ = 0.9, xtol = 0.1, 20 trials. */
    public static LbfgsB standard() {
        return withMemory(10);
    }

    /** Memory m with SciPy's line search constants (see {@link #standard()}). */
    public static LbfgsB withMemory(int m) {
        return new LbfgsB(m, new MoreThuente(1e-3, 0.9, 0.1, 1e10, 20));
    }

    /**
     * SciPy 1.10's defaults for L-BFGS-B: projected gradient ∞-norm ≤ 1e-5, relative reduction of f ≤
     * 1e7·ε = 2.220446049250313e-9, 15,000 iterations and 15,000 evaluations.
     */
    public static Stopping scipyStopping() {
        return new Stopping(1e-5, 1e7 * Math.ulp(1.0), 0, 15_000, 15_000);
    }

    @Override
    public BoundedResult minimize(Objective f, Tensor x0, Bounds bounds, Stopping stopping) {
        Objects.requireNonNull(f, "f");
        Objects.requireNonNull(x0, "x0");
        Objects.requireNonNull(bounds, "bounds");
        Objects.requireNonNull(stopping, "stopping");
        if (x0.rank() != 1 || x0.size() != bounds.dimension()) {
            throw new IllegalArgumentException("LbfgsB: the bounds are for " + bounds.dimension()
                    + " variables but the start has shape " + x0.shape());
        }
        return new LbfgsBRun(this, f, x0, bounds, stopping).run();
    }

    /**
     * Minimizes without bounds.
     *
     * @throws IllegalArgumentException if x0 is not a non-empty finite vector
     */
    @Override
    public MinimizationResult minimize(Objective f, Tensor x0, Stopping stopping) {
        Objects.requireNonNull(x0, "x0");
        if (x0.rank() != 1 || x0.size() == 0) {
            throw new IllegalArgumentException("LbfgsB: the starting point must be a non-empty vector, got shape " + x0.shape());
        }
        return minimize(f, x0, Bounds.unbounded(x0.size()), stopping).result();
    }
}
