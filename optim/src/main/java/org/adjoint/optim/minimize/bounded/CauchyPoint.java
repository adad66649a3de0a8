package org.adjoint.optim.minimize.bounded;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The generalized Cauchy point (Byrd, Lu, Nocedal and Zhu 1995, section 4, Algorithm CP): the first
 * local minimizer of the quadratic model {@code m(z) = gᵀ(z − x) + ½(z − x)ᵀB(z − x)} along the
 * projected steepest-descent path {@code x(t) = P(x − t·g)}, t ≥ 0. Variable i leaves the path at its
 * breakpoint
 * <pre>
 *   tᵢ = (xᵢ − uᵢ)/gᵢ if gᵢ &lt; 0,   (xᵢ − lᵢ)/gᵢ if gᵢ &gt; 0,   ∞ otherwise;
 * </pre>
 * the breakpoints are visited in increasing order, and on each segment the model is a quadratic in t
 * with slope f' and curvature f'' updated in O(m) from the compact form of B (the paper's eqs. 4.9–4.11,
 * with {@code p = Wᵀd} and {@code c = Wᵀ(x(t) − x)}). The search stops in the first segment where the
 * quadratic has its minimizer {@code Δt* = −f'/f''}. Following version 3.0 (as SciPy 1.10's
 * {@code lbfgsb.f}), f'' is kept at least {@code ε·f''₀} against rounding.
 *
 * @param point the Cauchy point x^c, inside the box
 * @param c     {@code Wᵀ(x^c − x)}, which the subspace minimization needs
 */
record CauchyPoint(double[] point, double[] c) {

    private static final double EPS = Math.ulp(1.0);

    /** The Cauchy point from x with gradient g under B (given by {@code memory}). */
    static CauchyPoint of(double[] x, double[] g, Bounds bounds, CompactMemory memory) {
        int n = x.length;
        double theta = memory.theta();
        double[] t = new double[n];
        double[] d = new double[n];
        List<Integer> breaks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            t[i] = breakpoint(x[i], g[i], bounds.lower(i), bounds.upper(i));
            d[i] = t[i] == 0 ? 0 : -g[i];
            if (t[i] > 0 && t[i] < Double.POSITIVE_INFINITY) {
                breaks.add(i);
            }
        }
        breaks.sort(Comparator.comparingDouble(i -> t[i]));
        double[] p = wTranspose(memory, d);
        double[] c = new double[p.length];
        double[] xc = x.clone();
        double fp = -Dense.dot(d, d);
        double fpp0 = -theta * fp - Dense.dot(p, memory.timesM(p));
        double fpp = fpp0;
        double dtMin = fpp > 0 ? -fp / fpp : Double.POSITIVE_INFINITY;
        double tOld = 0;
        for (int b : breaks) {
            double dt = t[b] - tOld;
            if (fp >= 0 || dtMin < dt) {
                break;
            }
            xc[b] = d[b] > 0 ? bounds.upper(b) : bounds.lower(b);
            double zb = xc[b] - x[b];
            double gb = g[b];
            double[] wb = memory.row(b);
            addScaled(c, dt, p);
            double[] mw = memory.timesM(wb);
            fp += dt * fpp + gb * gb + theta * gb * zb - gb * Dense.dot(mw, c);
            fpp = Math.max(EPS * fpp0, fpp - theta * gb * gb - 2 * gb * Dense.dot(mw, p) - gb * gb * Dense.dot(mw, wb));
            addScaled(p, gb, wb);
            d[b] = 0;
            dtMin = -fp / fpp;
            tOld = t[b];
        }
        dtMin = Math.max(dtMin, 0);
        double tStar = tOld + (Double.isFinite(dtMin) ? dtMin : 0);
        for (int i = 0; i < n; i++) {
            if (d[i] != 0) {
                xc[i] = bounds.clip(i, x[i] + tStar * d[i]);
            }
        }
        addScaled(c, Double.isFinite(dtMin) ? dtMin : 0, p);
        return new CauchyPoint(xc, c);
    }

    /** The step t at which {@code xᵢ − t·gᵢ} reaches its bound (0 if it starts there moving out, ∞ if never). */
    private static double breakpoint(double x, double g, double lower, double upper) {
        if (g < 0 && upper < Double.POSITIVE_INFINITY) {
            return Math.max((x - upper) / g, 0);
        }
        if (g > 0 && lower > Double.NEGATIVE_INFINITY) {
            return Math.max((x - lower) / g, 0);
        }
        return Double.POSITIVE_INFINITY;
    }

    /** {@code Wᵀv}. */
    static double[] wTranspose(CompactMemory memory, double[] v) {
        double[] r = new double[2 * memory.pairs()];
        for (int i = 0; i < v.length; i++) {
            if (v[i] != 0) {
                addScaled(r, v[i], memory.row(i));
            }
        }
        return r;
    }

    /** {@code a ← a + c·b}. */
    static void addScaled(double[] a, double c, double[] b) {
        for (int i = 0; i < a.length; i++) {
            a[i] += c * b[i];
        }
    }
}
