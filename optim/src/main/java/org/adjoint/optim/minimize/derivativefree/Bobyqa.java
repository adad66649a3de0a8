package org.adjoint.optim.minimize.derivativefree;

import java.util.Arrays;
import org.adjoint.core.Tensor;
import org.adjoint.optim.minimize.MinimizationResult;
import org.adjoint.optim.minimize.Minimizer;
import org.adjoint.optim.minimize.Objective;
import org.adjoint.optim.minimize.StopReason;
import org.adjoint.optim.minimize.Stopping;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;

/**
 * BOBYQA (Powell, "The BOBYQA algorithm for bound constrained optimization without derivatives",
 * Cambridge NA report 2009/06), commons-math3's {@code BOBYQAOptimizer}: a trust-region method on a
 * quadratic model interpolating f at 2n + 1 points, keeping every evaluation within the bounds
 * {@code lower ≤ x ≤ upper}. It needs at least two variables. The initial trust-region radius is
 * Py-BOBYQA's, {@code ρ_beg = 0.1·max(‖x₀‖∞, 1)}, capped at half the narrowest gap {@code upper − lower}
 * (BOBYQA requires a gap of at least 2ρ_beg); it stops when the radius falls to
 * {@code stoppingRadius} (at most ρ_beg/2; {@link StopReason#STEP_TOLERANCE}). A start outside the bounds is refused;
 * BOBYQA itself moves a start closer than ρ_beg to a bound onto that bound or ρ_beg inside it. A NaN
 * or +∞ value stops the run ({@link StopReason#NON_FINITE_VALUE}): the model cannot interpolate it.
 * commons-math's BOBYQA accepts no convergence checker, so the {@link Stopping}'s function, step and
 * gradient tolerances are not used, only its budgets; each evaluation is an iteration (see the
 * package documentation).
 *
 * @param lower          the lower bounds (−∞ for none); empty, with {@code upper} empty, for no bounds
 * @param upper          the upper bounds (+∞ for none), as many as {@code lower}
 * @param stoppingRadius the final trust-region radius ρ_end, positive; 1e-8 by default (Py-BOBYQA's)
 */
public record Bobyqa(double[] lower, double[] upper, double stoppingRadius) implements Minimizer {

    private static final String NAME = "BOBYQA";

    /** Validates and copies the bounds. */
    public Bobyqa {
        if (lower.length != upper.length) {
            throw new IllegalArgumentException("BOBYQA: " + lower.length + " lower bounds but " + upper.length + " upper bounds");
        }
        for (int i = 0; i < lower.length; i++) {
            if (!(lower[i] <= upper[i]) || lower[i] == Double.POSITIVE_INFINITY || upper[i] == Double.NEGATIVE_INFINITY) {
                throw new IllegalArgumentException("BOBYQA: bound " + i + " has lower = " + lower[i] + " and upper = "
                        + upper[i] + "; need lower <= upper, neither NaN, lower < +∞ and upper > −∞");
            }
        }
        if (!(stoppingRadius > 0) || Double.isInfinite(stoppingRadius)) {
            throw new IllegalArgumentException("BOBYQA: stoppingRadius = " + stoppingRadius + " must be positive and finite");
        }
        lower = lower.clone();
        upper = upper.clone();
    }

    /** Without bounds, ρ_end = 1e-8. */
    public static Bobyqa unbounded() {
        return new Bobyqa(new double[0], new double[0], 1e-8);
    }

    /** Within {@code lower ≤ x ≤ upper}, ρ_end = 1e-8. */
    public static Bobyqa within(double[] lower, double[] upper) {
        return new Bobyqa(lower, upper, 1e-8);
    }

    @Override
    public MinimizationResult minimize(Objective f, Tensor x0, Stopping stopping) {
        CommonsMathRun checked = CommonsMathRun.of(NAME, CommonsMathRun.NonFinite.STOPS, f, x0, stopping);
        double[] start = checked.start0();
        double[][] box = box(start);
        double radius = initialRadius(start, box);
        return checked.afterStart(run -> {
            BOBYQAOptimizer optimizer = new BOBYQAOptimizer(2 * start.length + 1, radius, Math.min(stoppingRadius, radius / 2));
            return run.finish(() -> optimizer.optimize(run.maxEvaluations(), new ObjectiveFunction(run.function()),
                    GoalType.MINIMIZE, new InitialGuess(start), new SimpleBounds(box[0], box[1])), StopReason.STEP_TOLERANCE,
                    "the trust-region radius reached ρ_end = " + Math.min(stoppingRadius, radius / 2));
        });
    }

    /** The bounds for x₀'s size, checked: at least two variables, x₀ inside. */
    private double[][] box(double[] x0) {
        int n = x0.length;
        if (n < BOBYQAOptimizer.MINIMUM_PROBLEM_DIMENSION) {
            throw new IllegalArgumentException("BOBYQA: needs at least " + BOBYQAOptimizer.MINIMUM_PROBLEM_DIMENSION
                    + " variables, got " + n + " (use Powell or NelderMead in one dimension)");
        }
        if (lower.length == 0) {
            double[] lo = new double[n];
            double[] hi = new double[n];
            Arrays.fill(lo, Double.NEGATIVE_INFINITY);
            Arrays.fill(hi, Double.POSITIVE_INFINITY);
            return new double[][] {lo, hi};
        }
        if (lower.length != n) {
            throw new IllegalArgumentException("BOBYQA: " + lower.length + " bounds for a starting point of " + n + " variables");
        }
        for (int i = 0; i < n; i++) {
            if (!(x0[i] >= lower[i] && x0[i] <= upper[i])) {
                throw new IllegalArgumentException("BOBYQA: the starting point is outside the bounds: x0[" + i + "] = " + x0[i]
                        + " is not in [" + lower[i] + ", " + upper[i] + "]");
            }
        }
        return new double[][] {lower.clone(), upper.clone()};
    }

    /** ρ_beg = 0.1·max(‖x₀‖∞, 1), at most half the narrowest gap. */
    private static double initialRadius(double[] x0, double[][] box) {
        double radius = 0.1 * Math.max(Arrays.stream(x0).map(Math::abs).max().orElse(0), 1);
        for (int i = 0; i < x0.length; i++) {
            double gap = box[1][i] - box[0][i];
            if (!(gap > 0)) {
                throw new IllegalArgumentException("BOBYQA: bound " + i + " fixes the variable (lower = upper = " + box[0][i]
                        + "); BOBYQA needs every variable free to move");
            }
            radius = Math.min(radius, gap / 2);
        }
        return radius;
    }

    /** The lower bounds (a copy). */
    @Override
    public double[] lower() {
        return lower.clone();
    }

    /** The upper bounds (a copy). */
    @Override
    public double[] upper() {
        return upper.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Bobyqa other && Arrays.equals(lower, other.lower) && Arrays.equals(upper, other.upper)
                && Double.compare(stoppingRadius, other.stoppingRadius) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(lower) + Arrays.hashCode(upper)) + Double.hashCode(stoppingRadius);
    }

    @Override
    public String toString() {
        return "Bobyqa[lower=" + Arrays.toString(lower) + ", upper=" + Arrays.toString(upper) + ", stoppingRadius="
                + stoppingRadius + "]";
    }
}
