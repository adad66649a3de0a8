package org.adjoint.optim.minimize.leastsquares;

import org.adjoint.optim.minimize.bounded.Bounds;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The trust-region subproblem of one iteration, over the free parameters: those not held at a bound
 * that the descent direction pushes against ({@link Box#binding}). Without bounds every parameter is
 * free and this is MINPACK's subproblem unchanged. The step from it is expanded back to n elements,
 * 0 for the held parameters.
 *
 * @param model the rescaled residuals and Jacobian (all n columns)
 * @param g     the cost's gradient {@code J̃ᵀr̃}, all n elements, summed in twice the working precision
 * @param free  the free parameters' indices, ascending
 * @param qr    the pivoted QR factors of J̃'s free columns
 * @param qtr   the first |free| elements of {@code Qᵀr̃}
 */
record Subproblem(Linearization model, double[] g, int[] free, PivotedQr qr, double[] qtr) {

    /** The subproblem at x. */
    static Subproblem at(Linearization model, double[] x, Bounds bounds, int m) {
        int n = x.length;
        double[] g = AccurateSums.jTransposeTimes(model.j(), model.r(), n);
        int[] free = IntStream.range(0, n).filter(j -> !Box.binding(bounds, j, x[j], g[j])).toArray();
        double[] columns = free.length == n ? model.j() : columns(model.j(), m, n, free);
        PivotedQr qr = new PivotedQr(columns, m, free.length);
        double[] qtr = Arrays.copyOf(qr.qTransposeTimes(model.r()), free.length);
        return new Subproblem(model, g, free, qr, qtr);
    }

    private static double[] columns(double[] j, int m, int n, int[] free) {
        double[] out = new double[m * free.length];
        for (int i = 0; i < m; i++) {
            for (int k = 0; k < free.length; k++) {
                out[i * free.length + k] = j[i * n + free[k]];
            }
        }
        return out;
    }

    /** The elements of a length-n vector at the free indices. */
    double[] restrict(double[] v) {
        double[] out = new double[free.length];
        for (int k = 0; k < free.length; k++) {
            out[k] = v[free[k]];
        }
        return out;
    }

    /** A step over the free parameters as n elements, 0 at the held ones. */
    double[] expand(double[] p, int n) {
        double[] out = new double[n];
        for (int k = 0; k < free.length; k++) {
            out[free[k]] = p[k];
        }
        return out;
    }

    /** {@code gᵀs}. */
    double gradientDot(double[] s) {
        double sum = 0;
        for (int j = 0; j < s.length; j++) {
            sum += g[j] * s[j];
        }
        return sum;
    }
}
