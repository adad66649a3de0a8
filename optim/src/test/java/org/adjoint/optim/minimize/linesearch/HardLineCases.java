package org.adjoint.optim.minimize.linesearch;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.adjoint.core.Tensor;
import org.adjoint.optim.minimize.Evaluation;
import org.adjoint.optim.minimize.Objective;

/**
 * Hard one-dimensional lines for the line searches, each with its source: the published failures of
 * other libraries' searches and the test functions of Moré and Thuente (1994). Every line is φ(α) =
 * f(x₀ + α·d) of a hand-written objective (value and derivative in doubles, so that NaN slopes,
 * kinks and rounding are exactly as stated), checked by {@link HardLineSearchCasesTest}.
 */
final class HardLineCases {

    /** One line and a first trial step. */
    record Case(String name, Objective f, Tensor x0, Tensor d, double initialStep) {
        @Override
        public String toString() {
            return name + ", α₀ = " + initialStep;
        }
    }

    private HardLineCases() {
    }

    /** f(t) with f'(t) on a one-element vector; x₀ and d are numbers. */
    static Objective oneDimensional(DoubleUnaryOperator f, DoubleUnaryOperator df) {
        return new Objective() {
            @Override
            public double value(Tensor x) {
                return f.applyAsDouble(x.item());
            }

            @Override
            public Evaluation evaluate(Tensor x) {
                double t = x.item();
                return new Evaluation(f.applyAsDouble(t), Tensor.vector(df.applyAsDouble(t)));
            }
        };
    }

    private static void add(List<Case> cases, String name, DoubleUnaryOperator f, DoubleUnaryOperator df, double x0,
                            double d, double... initialSteps) {
        for (double step : initialSteps) {
            cases.add(new Case(name, oneDimensional(f, df), Tensor.vector(x0), Tensor.vector(d), step));
        }
    }

    static List<Case> all() {
        List<Case> cases = new ArrayList<>();
        moreThuente(cases);
        publishedFailures(cases);
        degenerate(cases);
        return cases;
    }

    /**
     * Moré and Thuente, "Line search algorithms with guaranteed sufficient decrease", ACM TOMS 20(3),
     * 1994, section 5, functions (5.1)–(5.4) with the paper's parameters, from α = 0 along +1 and the
     * paper's initial steps 1e-3, 1e-1, 1e1, 1e3.
     */
    private static void moreThuente(List<Case> cases) {
        double[] starts = {1e-3, 1e-1, 1e1, 1e3};
        double b1 = 2;
        add(cases, "Moré–Thuente (5.1), β = 2", a -> -a / (a * a + b1), a -> (a * a - b1) / Math.pow(a * a + b1, 2), 0, 1,
                starts);
        double b2 = 0.004;
        add(cases, "Moré–Thuente (5.2), β = 0.004", a -> Math.pow(a + b2, 5) - 2 * Math.pow(a + b2, 4),
                a -> 5 * Math.pow(a + b2, 4) - 8 * Math.pow(a + b2, 3), 0, 1, starts);
        double b3 = 0.01;
        double l = 39;
        DoubleUnaryOperator base = a -> a <= 1 - b3 ? 1 - a : a >= 1 + b3 ? a - 1 : (a - 1) * (a - 1) / (2 * b3) + b3 / 2;
        DoubleUnaryOperator baseSlope = a -> a <= 1 - b3 ? -1 : a >= 1 + b3 ? 1 : (a - 1) / b3;
        add(cases, "Moré–Thuente (5.3), β = 0.01, l = 39",
                a -> base.applyAsDouble(a) + 2 * (1 - b3) / (l * Math.PI) * Math.sin(l * Math.PI * a / 2),
                a -> baseSlope.applyAsDouble(a) + (1 - b3) * Math.cos(l * Math.PI * a / 2), 0, 1, starts);
        double[][] yanai = {{0.001, 0.001}, {0.01, 0.001}, {0.001, 0.01}};
        for (double[] b : yanai) {
            double g1 = Math.sqrt(1 + b[0] * b[0]) - b[0];
            double g2 = Math.sqrt(1 + b[1] * b[1]) - b[1];
            add(cases, "Yanai–Ozawa–Kaneko (5.4), β₁ = " + b[0] + ", β₂ = " + b[1],
                    a -> g1 * Math.hypot(1 - a, b[1]) + g2 * Math.hypot(a, b[0]),
                    a -> g1 * (a - 1) / Math.hypot(1 - a, b[1]) + g2 * a / Math.hypot(a, b[0]), 0, 1, starts);
        }
    }

    /** Lines on which other libraries' searches are known to have failed. */
    private static void publishedFailures(List<Case> cases) {
        // LineSearches.jl issue #175: Hager–Zhang's "flatness check" reported convergence at a
        // non-stationary point of this degree-7 polynomial from c₀ = 0.2 (fixed by PR #180, which
        // removed the check)
        double[] p = {3.042968312396456, -832.4270136930788, -132807.15591801773, 7.915421661743959e6,
            -1.570284840040962e8, 1.4221708747294645e9, -5.970065591205604e9, 9.405512899903618e9};
        add(cases, "LineSearches.jl #175 polynomial", a -> horner(p, a), a -> horner(derivative(p), a), 0, 1, 0.2, 1);
        // Optim.jl issue #79: a NaN slope during Hager–Zhang's bracketing was taken for a negative one;
        // Stan issue #3306: a point with a finite value and an infinite gradient was accepted.
        // φ = (α − 2)² with φ' NaN (then +∞) beyond α = 1, φ finite everywhere
        add(cases, "NaN slope beyond α = 1", a -> (a - 2) * (a - 2), a -> a > 1 ? Double.NaN : 2 * (a - 2), 0, 1, 1.5, 10);
        add(cases, "infinite slope beyond α = 1", a -> (a - 2) * (a - 2), a -> a > 1 ? Double.POSITIVE_INFINITY : 2 * (a - 2),
                0, 1, 1.5, 10);
        // jaxopt PR #465 (zoom's first trial NaN or ∞ gave step 0), Breeze issue #706 (strong Wolfe zoom
        // iterating over NaN), gonum issue #667: φ = −2α − log(1 − α), +∞ at α = 1, NaN beyond
        add(cases, "log barrier, NaN beyond α = 1", a -> -2 * a - Math.log(1 - a), a -> -2 + 1 / (1 - a), 0, 1, 1, 10, 1e3);
        // overflow to +∞ beyond α ≈ 71: φ = cosh(10α) − 20α
        add(cases, "cosh overflow", a -> Math.cosh(10 * a) - 20 * a, a -> 10 * Math.sinh(10 * a) - 20, 0, 1, 100, 1e6);
        // LineSearches.jl issue #211: Hager–Zhang's update returned a zero-width bracket (AssertionError
        // B > A). Here x₀ = 1e16, where the spacing of doubles is 2, so every step below 1 leaves x₀ where
        // it is and φ(α) = φ(0), φ'(α) = φ'(0) on a whole interval
        add(cases, "zero-width steps at x₀ = 1e16", x -> (x - 1e16 - 1000) * (x - 1e16 - 1000) * 1e-6,
                x -> 2e-6 * (x - 1e16 - 1000), 1e16, 1, 0.25, 1e-300);
        // scipy issue #9812: with a step bound below the minimizer (amax < 0.5), line_search_wolfe1 found
        // nothing on ‖x‖² along −∇f from (4, 5): φ(α) = 41·(1 − 2α)²
        add(cases, "scipy #9812, 41(1 − 2α)²", a -> 41 * (1 - 2 * a) * (1 - 2 * a), a -> -164 * (1 - 2 * a), 0, 1, 1, 0.3);
    }

    /** Degenerate lines: linear, flat to rounding, very steep, kinked, unbounded, an inconsistent gradient. */
    private static void degenerate(List<Case> cases) {
        // a quadratic with zero curvature: φ = 1 − α is linear and unbounded, so no step meets a curvature
        // condition; MINPACK-2's dcsrch ends at stpmax with a warning, scipy issue #20340 (amax handling)
        add(cases, "linear φ = 1 − α", a -> 1 - a, a -> -1, 0, 1, 1, 1e-3);
        // flat to rounding with a steady slope: φ = 1e17 − α rounds to φ(0) for α < 8 while φ' = −1, the
        // situation LineSearches.jl's flatness check mistook for convergence (issue #175, PR #180)
        add(cases, "flat to rounding, φ = 1e17 − α", a -> 1e17 - a, a -> -1, 0, 1, 1, 4);
        // a curvature below the rounding of φ: φ = 1 + 1e-20·(α − 1)² is exactly 1 in doubles, φ' is not
        add(cases, "curvature below rounding", a -> 1 + 1e-20 * (a - 1) * (a - 1), a -> 2e-20 * (a - 1), 0, 1, 1, 100);
        // very steep φ'(0) = −2e8: the minimizer is at 1e-8, 1e8 times below the first trial
        add(cases, "steep, (1e8·α − 1)²", a -> (1e8 * a - 1) * (1e8 * a - 1), a -> 2e8 * (1e8 * a - 1), 0, 1, 1);
        // kinks: |α − π/3| (|φ'| = |φ'(0)| everywhere, Nocedal and Wright's conditions never hold), and a
        // kinked minimum with unequal slopes
        add(cases, "kink |α − π/3|", a -> Math.abs(a - Math.PI / 3), a -> Math.signum(a - Math.PI / 3), 0, 1, 0.75, 10);
        add(cases, "kink max(−α, 3α − 4)", a -> Math.max(-a, 3 * a - 4), a -> -a >= 3 * a - 4 ? -1 : 3, 0, 1, 1, 3);
        // unbounded: φ = 1 − exp(α) overflows to −∞ at α ≈ 710
        add(cases, "unbounded, 1 − exp(α)", a -> 1 - Math.exp(a), a -> -Math.exp(a), 0, 1, 1, 1e3);
        // badly scaled (Dennis and Schnabel, Numerical Methods for Unconstrained Optimization, section 7.1):
        // values near underflow, φ = 1e-300·(α − 1)², and near overflow, φ = 1e300·(α − 1)², +∞ beyond α ≈ 14
        add(cases, "near underflow, 1e-300·(α − 1)²", a -> 1e-300 * (a - 1) * (a - 1), a -> 2e-300 * (a - 1), 0, 1, 1e-3, 10);
        add(cases, "near overflow, 1e300·(α − 1)²", a -> 1e300 * (a - 1) * (a - 1), a -> 2e300 * (a - 1), 0, 1, 1e-3, 100);
        // a wrong gradient (a common user error): φ = α² − α but φ' reported as −1 everywhere
        add(cases, "inconsistent gradient", a -> a * a - a, a -> -1, 0, 1, 1, 10);
    }

    private static double horner(double[] coefficients, double x) {
        double sum = 0;
        for (int k = coefficients.length - 1; k >= 0; k--) {
            sum = sum * x + coefficients[k];
        }
        return sum;
    }

    private static double[] derivative(double[] coefficients) {
        double[] d = new double[coefficients.length - 1];
        for (int k = 1; k < coefficients.length; k++) {
            d[k - 1] = k * coefficients[k];
        }
        return d;
    }
}
