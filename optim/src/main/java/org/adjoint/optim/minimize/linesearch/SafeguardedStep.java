package org.adjoint.optim.minimize.linesearch;

/**
 * The interval of uncertainty of a Moré–Thuente search and its safeguarded trial step (Moré and
 * Thuente, "Line search algorithms with guaranteed sufficient decrease", ACM TOMS 20(3):286–307, 1994,
 * section 4; MINPACK-2's {@code dcstep}). The end {@code x} is the best step so far (lowest value),
 * {@code y} the other end; each holds a step, a value and a derivative. Given a new trial
 * {@code (t, ft, gt)}, {@link #update} chooses the next trial by the paper's four cases and then
 * shrinks the interval:
 * <ol>
 *   <li>{@code ft > fx}: the minimum is bracketed; the cubic step (through x and t) if it is closer
 *       to x than the quadratic step (values at both, slope at x), else their midpoint;
 *   <li>{@code ft ≤ fx} and the slopes at x and t have opposite signs: bracketed; the cubic step if it
 *       is farther from t than the secant step, else the secant step;
 *   <li>{@code ft ≤ fx}, same signs, {@code |gt| < |gx|}: the cubic step if its minimizer lies beyond
 *       t, else the step bound, compared with the secant step; kept within 0.66 of the way to y when
 *       bracketed, else clipped to the step bounds;
 *   <li>{@code ft ≤ fx}, same signs, {@code |gt| ≥ |gx|}: the cubic through t and y when bracketed,
 *       else the step bound.
 * </ol>
 * The values here may be those of the modified function {@code ψ(α) = φ(α) − φ(0) − c₁·α·φ'(0)}
 * (the search's first stage); the search translates.
 */
final class SafeguardedStep {

    double stx;
    double fx;
    double dx;
    double sty;
    double fy;
    double dy;
    boolean bracketed;

    /** The interval [0, 0] with both ends at φ(0), φ'(0). */
    SafeguardedStep(double f0, double g0) {
        fx = fy = f0;
        dx = dy = g0;
    }

    /**
     * Updates the interval with the trial {@code (t, ft, gt)} and returns the next trial step,
     * between {@code stepMin} and {@code stepMax} when the minimum is not yet bracketed.
     */
    double update(double t, double ft, double gt, double stepMin, double stepMax) {
        double sgnd = gt * Math.signum(dx);
        double next;
        if (ft > fx) {
            next = higherValue(t, ft, gt);
            bracketed = true;
        } else if (sgnd < 0) {
            next = oppositeSlopes(t, ft, gt);
            bracketed = true;
        } else if (Math.abs(gt) < Math.abs(dx)) {
            next = slopeShrinks(t, ft, gt, stepMin, stepMax);
        } else {
            next = slopeGrows(t, ft, gt, stepMin, stepMax);
        }
        if (ft > fx) {
            sty = t;
            fy = ft;
            dy = gt;
        } else {
            if (sgnd < 0) {
                sty = stx;
                fy = fx;
                dy = dx;
            }
            stx = t;
            fx = ft;
            dx = gt;
        }
        return next;
    }

    /** Case 1. */
    private double higherValue(double t, double ft, double gt) {
        double theta = 3 * (fx - ft) / (t - stx) + dx + gt;
        double gamma = root(theta, dx, gt);
        if (t < stx) {
            gamma = -gamma;
        }
        double p = (gamma - dx) + theta;
        double q = ((gamma - dx) + gamma) + gt;
        double cubic = stx + p / q * (t - stx);
        double quadratic = stx + dx / ((fx - ft) / (t - stx) + dx) / 2 * (t - stx);
        return Math.abs(cubic - stx) < Math.abs(quadratic - stx) ? cubic : cubic + (quadratic - cubic) / 2;
    }

    /** Case 2. */
    private double oppositeSlopes(double t, double ft, double gt) {
        double theta = 3 * (fx - ft) / (t - stx) + dx + gt;
        double gamma = root(theta, dx, gt);
        if (t > stx) {
            gamma = -gamma;
        }
        double p = (gamma - gt) + theta;
        double q = ((gamma - gt) + gamma) + dx;
        double cubic = t + p / q * (stx - t);
        double secant = t + gt / (gt - dx) * (stx - t);
        return Math.abs(cubic - t) > Math.abs(secant - t) ? cubic : secant;
    }

    /** Case 3. */
    private double slopeShrinks(double t, double ft, double gt, double stepMin, double stepMax) {
        double theta = 3 * (fx - ft) / (t - stx) + dx + gt;
        double gamma = root(theta, dx, gt);
        if (t > stx) {
            gamma = -gamma;
        }
        double p = (gamma - gt) + theta;
        double q = (gamma + (dx - gt)) + gamma;
        double r = p / q;
        double cubic = r < 0 && gamma != 0 ? t + r * (stx - t) : t > stx ? stepMax : stepMin;
        double secant = t + gt / (gt - dx) * (stx - t);
        if (bracketed) {
            double next = Math.abs(cubic - t) < Math.abs(secant - t) ? cubic : secant;
            double limit = t + 0.66 * (sty - t);
            return t > stx ? Math.min(limit, next) : Math.max(limit, next);
        }
        double next = Math.abs(cubic - t) > Math.abs(secant - t) ? cubic : secant;
        return Math.max(stepMin, Math.min(stepMax, next));
    }

    /** Case 4. */
    private double slopeGrows(double t, double ft, double gt, double stepMin, double stepMax) {
        if (!bracketed) {
            return t > stx ? stepMax : stepMin;
        }
        double theta = 3 * (ft - fy) / (sty - t) + dy + gt;
        double gamma = root(theta, dy, gt);
        if (t > sty) {
            gamma = -gamma;
        }
        double p = (gamma - gt) + theta;
        double q = ((gamma - gt) + gamma) + dy;
        return t + p / q * (sty - t);
    }

    /**
     * {@code √(θ² − a·b)}, the root in the minimizer of the cubic through two points with slopes a and b
     * (θ from their values), computed scaled by the largest magnitude to avoid overflow, and 0 where
     * rounding makes the radicand negative.
     */
    private static double root(double theta, double a, double b) {
        double s = Math.max(Math.abs(theta), Math.max(Math.abs(a), Math.abs(b)));
        return s * Math.sqrt(Math.max(0, (theta / s) * (theta / s) - (a / s) * (b / s)));
    }
}
