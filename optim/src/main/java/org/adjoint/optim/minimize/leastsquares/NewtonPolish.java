package org.adjoint.optim.minimize.leastsquares;

import org.adjoint.optim.minimize.bounded.Bounds;
import java.util.stream.IntStream;

/**
 * The last digits of a converged least-squares solve, by Newton's method on the cost with its exact
 * Hessian {@code ∇²C = JᵀJ + Σᵢ rᵢ∇²rᵢ} (from autodiff) and its gradient {@code Jᵀr} summed in twice
 * the working precision ({@link AccurateSums}).
 *
 * <p>Why: near the solution the cost is flat below its own rounding level, so neither the ratio test
 * nor ftol can resolve θ beyond about √ε relative to its conditioning; and for problems with large
 * residuals the Gauss–Newton step, which ignores {@code Σrᵢ∇²rᵢ}, contracts only linearly there. The
 * Newton step uses only the gradient, which stays meaningful down to its own rounding, and converges
 * quadratically. A step is taken while the Hessian is positive definite (Cholesky succeeds), the
 * next Newton step is shorter than this one (the steps contract), and the cost does not rise by more
 * than a relative √ε (a step this small changes the cost by far less, below its rounding level, which
 * for small residuals computed as y − f(x; θ) is well above ε·C); at most five steps. Linear loss only (a robust loss's ρ is not written as Var code).
 */
final class NewtonPolish {

    private static final int MAX_STEPS = 5;
    /** √ε: a relative rise of the cost below this is rounding (the true change is of second order in a tiny step). */
    private static final double COST_SLACK = Math.sqrt(Math.ulp(1.0));

    /** The polished point with its residuals, cost and Jacobian, and the steps taken. */
    record Point(double[] x, double[] r, double cost, double[] j, int steps) {
    }

    private NewtonPolish() {
    }

    /** Polishes {@code start} (x, r, cost and J there, steps 0) within the residual-evaluation budget. */
    static Point polish(ResidualEvaluator f, Point start, double[] d, int budget, Bounds bounds) {
        Point current = start;
        double[] p = newtonStep(f, current, bounds);
        for (int k = 0; k < MAX_STEPS && p != null && f.valueCount() < budget; k++) {
            double[] xt = plus(current.x(), p);
            if (!Box.contains(bounds, xt)) {
                return current;
            }
            double[] rt = f.values(xt);
            double costT = 0.5 * square(Norms.euclidean(rt));
            if (!(costT <= current.cost() * (1 + COST_SLACK))) {
                return current;
            }
            Point trial = new Point(xt, rt, costT, f.jacobian(xt), current.steps() + 1);
            double[] next = newtonStep(f, trial, bounds);
            if (next == null || !(LmParameter.scaledNorm(d, next) < LmParameter.scaledNorm(d, p))) {
                return current;
            }
            current = trial;
            p = next;
        }
        return current;
    }

    /**
     * {@code −(∇²C)⁻¹Jᵀr} over the parameters not held at a bound (0 for the held ones, whose rows and
     * columns are dropped), or null when that Hessian is not positive definite or anything is not finite.
     */
    private static double[] newtonStep(ResidualEvaluator f, Point at, Bounds bounds) {
        int n = at.x().length;
        double[] g = AccurateSums.jTransposeTimes(at.j(), at.r(), n);
        int[] free = IntStream.range(0, n).filter(j -> !Box.binding(bounds, j, at.x()[j], g[j])).toArray();
        if (free.length == 0) {
            return null;
        }
        double[] h = f.costHessian(at.x());
        int k = free.length;
        double[] hFree = new double[k * k];
        double[] gFree = new double[k];
        for (int a = 0; a < k; a++) {
            gFree[a] = g[free[a]];
            for (int b = 0; b < k; b++) {
                hFree[a * k + b] = h[free[a] * n + free[b]];
            }
        }
        double[] pFree = Cholesky.solve(hFree, gFree, k);
        if (pFree == null) {
            return null;
        }
        double[] p = new double[n];
        for (int a = 0; a < k; a++) {
            p[free[a]] = -pFree[a];
            if (!Double.isFinite(p[free[a]])) {
                return null;
            }
        }
        return p;
    }

    private static double square(double v) {
        return v * v;
    }

    private static double[] plus(double[] x, double[] p) {
        double[] y = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            y[j] = x[j] + p[j];
        }
        return y;
    }
}
