package org.adjoint.optim.minimize.bounded;

import java.util.stream.IntStream;
import org.adjoint.core.Tensor;

/**
 * The subspace minimization of L-BFGS-B: from the Cauchy point x^c, minimize the quadratic model over
 * the variables still free there (strictly inside their bounds), the others held at their bounds.
 *
 * <p>The direct primal method (Byrd, Lu, Nocedal and Zhu 1995, section 5.1): with Z the free columns
 * of the identity, the reduced gradient {@code r = Zᵀ(g + θ(x^c − x) − W·M·c)} and the reduced matrix
 * {@code B̂ = θI − Zᵀ W M Wᵀ Z}, whose inverse the Sherman–Morrison–Woodbury formula gives:
 * <pre>
 *   v = M·W_Zᵀ·r,   N = I − (1/θ)·M·W_ZᵀW_Z,   v ← N⁻¹v,
 *   d_u = −(1/θ)·r − (1/θ²)·W_Z·v                      (W_Z = ZᵀW, the free rows of W)
 * </pre>
 * Version 3.0 (Morales and Nocedal, "Remark on Algorithm 778", ACM TOMS 38(1), 2011): the unconstrained
 * subspace minimizer {@code x^c + Z·d_u} is projected onto the box; if the projection changed it and
 * {@code x̄ − x} is then not a descent direction ({@code gᵀ(x̄ − x) ≥ 0}), fall back to the original
 * paper's step: the longest {@code α ≤ 1} with {@code x^c + α·Z·d_u} inside the box.
 *
 * <p>With no pair in memory, or no free variable, x̄ = x^c, as in SciPy 1.10.
 */
final class SubspaceMinimization {

    private SubspaceMinimization() {
    }

    /** x̄, the end of the search direction {@code x̄ − x}. */
    static double[] of(double[] x, double[] g, CauchyPoint cauchy, Bounds bounds, CompactMemory memory) {
        double[] xc = cauchy.point();
        double[] u = unconstrained(x, g, cauchy, bounds, memory);
        double[] projected = bounds.project(Tensor.vector(u)).toArray();
        if (unchanged(projected, u) || slope(x, g, projected) < 0) {
            return projected;
        }
        return truncated(xc, u, bounds);
    }

    /**
     * {@code x^c + Z·d_u}, the minimizer of the model over the free variables with the others held at
     * x^c, before any projection; x^c itself when no variable is free or the memory is empty.
     */
    static double[] unconstrained(double[] x, double[] g, CauchyPoint cauchy, Bounds bounds, CompactMemory memory) {
        double[] u = cauchy.point().clone();
        int[] free = freeVariables(u, bounds);
        if (free.length == 0 || memory.pairs() == 0) {
            return u;
        }
        double[] du = reducedNewtonStep(x, g, cauchy, free, memory);
        for (int j = 0; j < free.length; j++) {
            u[free[j]] += du[j];
        }
        return u;
    }

    /** d_u, the minimizer of the model over the free variables from x^c (the formulas above). */
    private static double[] reducedNewtonStep(double[] x, double[] g, CauchyPoint cauchy, int[] free, CompactMemory memory) {
        double theta = memory.theta();
        double[] xc = cauchy.point();
        double[] mc = memory.timesM(cauchy.c());
        double[][] w = new double[free.length][];
        double[] r = new double[free.length];
        for (int j = 0; j < free.length; j++) {
            int i = free[j];
            w[j] = memory.row(i);
            r[j] = g[i] + theta * (xc[i] - x[i]) - Dense.dot(w[j], mc);
        }
        int k2 = mc.length;
        double[] v = new double[k2];
        double[][] wtw = new double[k2][k2];
        for (int j = 0; j < free.length; j++) {
            CauchyPoint.addScaled(v, r[j], w[j]);
            for (int a = 0; a < k2; a++) {
                CauchyPoint.addScaled(wtw[a], w[j][a], w[j]);
            }
        }
        v = memory.timesM(v);
        double[][] nMatrix = new double[k2][];
        for (int a = 0; a < k2; a++) {
            double[] column = new double[k2];
            column[a] = 1;
            nMatrix[a] = column;
        }
        for (int b = 0; b < k2; b++) {
            double[] mCol = memory.timesM(column(wtw, b));
            for (int a = 0; a < k2; a++) {
                nMatrix[a][b] -= mCol[a] / theta;
            }
        }
        v = Dense.solve(nMatrix, v);
        double[] du = new double[free.length];
        for (int j = 0; j < free.length; j++) {
            du[j] = -r[j] / theta - Dense.dot(w[j], v) / (theta * theta);
        }
        return du;
    }

    private static double[] column(double[][] a, int b) {
        double[] c = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i][b];
        }
        return c;
    }

    /** The variables strictly inside their bounds at the Cauchy point. */
    private static int[] freeVariables(double[] xc, Bounds bounds) {
        return IntStream.range(0, xc.length)
                .filter(i -> xc[i] > bounds.lower(i) && xc[i] < bounds.upper(i)).toArray();
    }

    /** Whether the projection changed nothing ({@code ==}, so that −0 and 0 count as equal). */
    private static boolean unchanged(double[] projected, double[] u) {
        for (int i = 0; i < u.length; i++) {
            if (projected[i] != u[i]) {
                return false;
            }
        }
        return true;
    }

    /** {@code gᵀ(z − x)}. */
    private static double slope(double[] x, double[] g, double[] z) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += g[i] * (z[i] - x[i]);
        }
        return s;
    }

    /** {@code x^c + α·(u − x^c)} with the longest α ≤ 1 that stays in the box; the variable that limits α lands on its bound. */
    private static double[] truncated(double[] xc, double[] u, Bounds bounds) {
        double alpha = 1;
        int limiting = -1;
        for (int i = 0; i < xc.length; i++) {
            double d = u[i] - xc[i];
            double room = d > 0 ? bounds.upper(i) - xc[i] : d < 0 ? bounds.lower(i) - xc[i] : Double.NaN;
            if (!Double.isNaN(room) && room / d < alpha) {
                alpha = Math.max(room / d, 0);
                limiting = i;
            }
        }
        double[] z = new double[xc.length];
        for (int i = 0; i < xc.length; i++) {
            double d = u[i] - xc[i];
            z[i] = bounds.clip(i, i == limiting ? (d > 0 ? bounds.upper(i) : bounds.lower(i)) : xc[i] + alpha * d);
        }
        return z;
    }
}
