package org.adjoint.optim.minimize.bounded;

import java.util.List;
import java.util.function.IntToDoubleFunction;
import org.adjoint.optim.minimize.problems.MoreGarbowHillstrom;
import org.adjoint.optim.minimize.problems.TestProblem;

/**
 * Bounded versions of Moré–Garbow–Hillstrom problems ({@link MoreGarbowHillstrom}), each from its
 * standard start, with bounds chosen here so that some are active at the solution (the unconstrained
 * minimizer lies outside the box) and others not. The variable-dimension problems have n = 10. Two
 * starts lie outside their box (Box three-dimensional and the discrete boundary value problem), to
 * exercise the projection of the start. f* is exact where the solution is known in closed form
 * (Rosenbrock, extended Rosenbrock, variably dimensioned, linear full rank); elsewhere it is the lower
 * of the values SciPy 1.10's L-BFGS-B and Adjoint's {@link LbfgsB} reach with gtol 1e-10 and ftol 0
 * (run {@code BoundedBenchmark --tight}; they agree to at least 11 digits), rounded to 13 digits.
 */
public final class BoundedProblems {

    private static final double INF = Double.POSITIVE_INFINITY;
    private static final String OURS = "bounds: Adjoint's; f*: the lower of SciPy 1.10's L-BFGS-B and Adjoint's LbfgsB with"
            + " gtol 1e-10, ftol 0, to 13 digits";

    private BoundedProblems() {
    }

    /** The suite, in the order of the unconstrained problems' numbers. */
    public static List<BoundedProblem> all() {
        return List.of(
                of(1, "x1 ≤ 0.5", new double[] {-50, 0}, new double[] {0.5, 100}, 0.25,
                        "bounds: Adjoint's; x* = (0.5, 0.25), f* = 0.25 exactly"),
                of(2, "x1 ≤ 10", new double[] {-INF, -INF}, new double[] {10, INF}, 49.79582418036, OURS),
                of(5, "x1 ≤ 2.5", new double[] {-4.5, -4.5}, new double[] {2.5, 4.5}, 0.07270005065353, OURS),
                of(7, "x1 ≤ 0.8", new double[] {-100, -INF, -INF}, new double[] {0.8, INF, INF}, 0.9904221209614, OURS),
                of(8, "x ∈ [0.1, 50]×[0, 1]×[0, 50]", new double[] {0.1, 0, 0}, new double[] {50, 1, 50}, 0.01327084017183, OURS),
                of(12, "x2 ≤ 9.5, x3 ≤ 0.9 (start outside)", new double[] {0, 0, 0}, new double[] {2, 9.5, 0.9}, 9.630954623197e-4, OURS),
                of(13, "x1 ≥ 0.1", new double[] {0.1, -20, -1, -1}, new double[] {100, 20, 1, 1}, 1.878196300583e-4, OURS),
                of(14, "x1 ≤ 0.8", new double[] {-10, -10, -10, -10}, new double[] {0.8, 10, 10, 10}, 0.1169668048872, OURS),
                of(15, "x2 ≤ 0.15", new double[] {0, 0, 0, 0}, new double[] {1, 0.15, 1, 1}, 3.112402679247e-4, OURS),
                of(21, "x ∈ [−1.5, 0.8]", fill(10, i -> -1.5), fill(10, i -> 0.8), 0.2,
                        "bounds: Adjoint's; x* = (0.8, 0.64, …), f* = 5·0.2² = 0.2 exactly"),
                of(23, "x_i ≥ 0.2 for even i", fill(10, i -> i % 2 == 0 ? 0.2 : -INF), fill(10, i -> INF), 7.249797601154e-5, OURS),
                of(25, "x ≤ 0.95", fill(10, i -> -INF), fill(10, i -> 0.95), 64.77890625,
                        "bounds: Adjoint's; x* = (0.95, …), f* = 10·0.05² + 2.75² + 2.75⁴ = 64.77890625 exactly"),
                of(26, "x ∈ [0, 0.05·(i+1)]", fill(10, i -> 0), fill(10, i -> 0.05 * (i + 1)), 4.453859544035e-5, OURS),
                of(28, "x ≥ −0.1 (start outside)", fill(10, i -> -0.1), fill(10, i -> INF), 3.340574916988e-4, OURS),
                of(30, "x ≤ −0.6", fill(10, i -> -INF), fill(10, i -> -0.6), 0.7200420143549, OURS),
                of(32, "x ≥ −0.5", fill(10, i -> -0.5), fill(10, i -> INF), 12.5,
                        "bounds: Adjoint's; x* = (−0.5, …), f* = 10·1² + 10·0.5² = 12.5 exactly"));
    }

    private static BoundedProblem of(int number, String bounds, double[] lower, double[] upper, double fStar, String source) {
        TestProblem p = MoreGarbowHillstrom.problem(number);
        return new BoundedProblem(p.name() + ", " + bounds, p, Bounds.of(lower, upper), fStar, source);
    }

    private static double[] fill(int n, IntToDoubleFunction value) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = value.applyAsDouble(i);
        }
        return a;
    }
}
