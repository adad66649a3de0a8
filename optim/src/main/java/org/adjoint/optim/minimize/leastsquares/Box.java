package org.adjoint.optim.minimize.leastsquares;

import org.adjoint.optim.minimize.bounded.Bounds;

/**
 * What the least-squares solvers need of {@link Bounds} on plain parameter arrays: membership,
 * projection, which bounds bind, and the check of a start.
 */
final class Box {

    private Box() {
    }

    /** Whether every θⱼ lies within its bounds. */
    static boolean contains(Bounds bounds, double[] theta) {
        for (int j = 0; j < theta.length; j++) {
            if (!(theta[j] >= bounds.lower(j) && theta[j] <= bounds.upper(j))) {
                return false;
            }
        }
        return true;
    }

    /** θ clipped into the box (a new array). */
    static double[] project(Bounds bounds, double[] theta) {
        double[] p = new double[theta.length];
        for (int j = 0; j < theta.length; j++) {
            p[j] = Math.min(bounds.upper(j), Math.max(bounds.lower(j), theta[j]));
        }
        return p;
    }

    /** Whether parameter j sits on a bound that the descent direction −g pushes against. */
    static boolean binding(Bounds bounds, int j, double theta, double g) {
        return theta <= bounds.lower(j) && g > 0 || theta >= bounds.upper(j) && g < 0;
    }

    /** Refuses a start outside the box (SciPy's least_squares does the same), naming the parameter. */
    static void requireInside(Bounds bounds, String op, double[] theta0) {
        if (theta0.length != bounds.dimension()) {
            throw new IllegalArgumentException(op + ": " + bounds.dimension() + " bounds for " + theta0.length
                    + " parameters");
        }
        for (int j = 0; j < theta0.length; j++) {
            if (!(theta0[j] >= bounds.lower(j) && theta0[j] <= bounds.upper(j))) {
                throw new IllegalArgumentException(op + ": θ₀[" + j + "] = " + theta0[j] + " lies outside its bounds ["
                        + bounds.lower(j) + ", " + bounds.upper(j) + "]; start inside the box");
            }
        }
    }
}
