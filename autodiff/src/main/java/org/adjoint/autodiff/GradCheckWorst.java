package org.adjoint.autodiff;

import java.util.function.IntFunction;
import org.adjoint.core.Tensor;

/**
 * The running worst entry of a {@link GradCheck} comparison, by the error
 * {@code |a − n| / max(|a|, |n|, scale · max(1, m))}; the first NaN, once met, stays the worst.
 */
final class GradCheckWorst {

    private final double floor;
    private double error;
    private String location = "nowhere (no entries)";
    private double analytic;
    private double numeric;

    /** A comparison of derivatives of something of magnitude {@code magnitude}. */
    GradCheckWorst(double scale, double magnitude) {
        this.floor = scale * Math.max(1, Double.isFinite(magnitude) ? magnitude : 1);
    }

    void compare(Tensor a, Tensor n, IntFunction<String> where) {
        compare(a.toArray(), n.toArray(), where);
    }

    void compare(double[] a, double[] n, IntFunction<String> where) {
        for (int k = 0; k < a.length && !Double.isNaN(error); k++) {
            double e = Math.abs(a[k] - n[k]) / Math.max(floor, Math.max(Math.abs(a[k]), Math.abs(n[k])));
            if (Double.isNaN(e) || e > error) {
                error = e;
                location = where.apply(k);
                analytic = a[k];
                numeric = n[k];
            }
        }
    }

    GradCheck.Report report(double tolerance) {
        return new GradCheck.Report(error, location, analytic, numeric, tolerance);
    }
}
