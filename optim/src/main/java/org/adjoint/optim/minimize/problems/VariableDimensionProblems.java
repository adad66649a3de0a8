package org.adjoint.optim.minimize.problems;

import static org.adjoint.optim.minimize.problems.Residuals.above;
import static org.adjoint.optim.minimize.problems.Residuals.at;
import static org.adjoint.optim.minimize.problems.Residuals.below;
import static org.adjoint.optim.minimize.problems.Residuals.constant;
import static org.adjoint.optim.minimize.problems.Residuals.range;
import static org.adjoint.optim.minimize.problems.Residuals.scaled;
import static org.adjoint.optim.minimize.problems.Residuals.sumOfSquares;

import java.util.Arrays;
import java.util.Optional;
import org.adjoint.autodiff.Var;
import org.adjoint.core.Shape;
import org.adjoint.core.Tensor;

/**
 * Problems 21–31 of Moré, Garbow and Hillstrom (1981), whose size n is a parameter, as §3 of the paper
 * defines them. Coordinates are numbered from 1 in the formulas, as in the paper.
 */
final class VariableDimensionProblems {

    private static final String MGH = "Moré, Garbow & Hillstrom (1981), ACM TOMS 7(1), problem ";

    private VariableDimensionProblems() {
    }

    private static String name(String name, int number, int n) {
        return name + " (" + number + "), n = " + n;
    }

    /** (21) Extended Rosenbrock, n even: pairs r = (10(x₂ᵢ − x₂ᵢ₋₁²), 1 − x₂ᵢ₋₁); f* = 0 at (1, …, 1). */
    static TestProblem extendedRosenbrock(int n) {
        require(n % 2 == 0 && n > 0, "extended Rosenbrock needs an even n", n);
        double[] start = new double[n];
        for (int i = 0; i < n; i++) {
            start[i] = i % 2 == 0 ? -1.2 : 1;
        }
        return new TestProblem(name("Extended Rosenbrock", 21, n), 21, n, x -> {
            Var pairs = x.reshape(n / 2, 2);
            Var odd = pairs.slice(1, 0, 1);
            Var even = pairs.slice(1, 1, 2);
            return even.sub(odd.square()).square().mul(100).add(odd.neg().add(1).square()).sum();
        }, Tensor.vector(start), 0, Optional.of(Tensor.ones(n)), MGH + "21");
    }

    /**
     * (22) Extended Powell singular, n a multiple of 4: Powell's singular function (13) on each block
     * of four; f* = 0 at 0.
     */
    static TestProblem extendedPowell(int n) {
        require(n % 4 == 0 && n > 0, "extended Powell needs n a multiple of 4", n);
        double[] start = new double[n];
        for (int i = 0; i < n; i++) {
            start[i] = new double[] {3, -1, 0, 1}[i % 4];
        }
        return new TestProblem(name("Extended Powell singular", 22, n), 22, n, x -> {
            Var b = x.reshape(n / 4, 4);
            Var x1 = b.slice(1, 0, 1);
            Var x2 = b.slice(1, 1, 2);
            Var x3 = b.slice(1, 2, 3);
            Var x4 = b.slice(1, 3, 4);
            return sumOfSquares(x1.add(x2.mul(10)), x3.sub(x4).mul(Math.sqrt(5)), x2.sub(x3.mul(2)).square(),
                    x1.sub(x4).square().mul(Math.sqrt(10)));
        }, Tensor.vector(start), 0, Optional.of(Tensor.zeros(n)), MGH + "22");
    }

    /**
     * (23) Penalty I, m = n + 1: rᵢ = √a(xᵢ − 1), r_(n+1) = Σxⱼ² − 1/4, a = 1e-5, x₀ = (1, 2, …, n);
     * f* = 7.08765e-5 for n = 10 and 2.24997e-5 for n = 4.
     */
    static TestProblem penalty1(int n) {
        double sqrtA = Math.sqrt(1e-5);
        return new TestProblem(name("Penalty I", 23, n), 23, n,
                x -> sumOfSquares(x.sub(1).mul(sqrtA), x.square().sum().sub(0.25)),
                Tensor.vector(range(1, n)), KnownMinima.penalty1(n), Optional.empty(), MGH + "23");
    }

    /**
     * (24) Penalty II, m = 2n: r₁ = x₁ − 0.2; rᵢ = √a(e^(xᵢ/10) + e^(xᵢ₋₁/10) − yᵢ) for 2 ≤ i ≤ n with
     * yᵢ = e^(i/10) + e^((i−1)/10); r_(n+i−1) = √a(e^(xᵢ/10) − e^(−1/10)) for 2 ≤ i ≤ n;
     * r_(2n) = Σ(n − j + 1)xⱼ² − 1; a = 1e-5, x₀ = (½, …, ½); f* = 2.93660e-4 for n = 10 and 9.37629e-6
     * for n = 4.
     */
    static TestProblem penalty2(int n) {
        double sqrtA = Math.sqrt(1e-5);
        double[] i = range(2, n);
        Var y = constant(Arrays.stream(i).map(k -> Math.exp(k / 10) + Math.exp((k - 1) / 10)).toArray());
        Var weights = constant(range(1, n)).neg().add(n + 1);
        return new TestProblem(name("Penalty II", 24, n), 24, n, x -> {
            Var e = x.div(10).exp();
            Var upper = e.slice(0, 1, n);
            Var lower = e.slice(0, 0, n - 1);
            return sumOfSquares(at(x, 0).sub(0.2), upper.add(lower).sub(y).mul(sqrtA),
                    upper.sub(Math.exp(-0.1)).mul(sqrtA), weights.mul(x.square()).sum().sub(1));
        }, Tensor.full(Shape.of(n), 0.5), KnownMinima.penalty2(n), Optional.empty(), MGH + "24");
    }

    /**
     * (25) Variably dimensioned, m = n + 2: rᵢ = xᵢ − 1, r_(n+1) = Σj(xⱼ − 1), r_(n+2) = (Σj(xⱼ − 1))²,
     * x₀ⱼ = 1 − j/n; f* = 0 at (1, …, 1).
     */
    static TestProblem variablyDimensioned(int n) {
        Var j = constant(range(1, n));
        return new TestProblem(name("Variably dimensioned", 25, n), 25, n, x -> {
            Var s = j.mul(x.sub(1)).sum();
            return sumOfSquares(x.sub(1), s, s.square());
        }, Tensor.vector(Arrays.stream(range(1, n)).map(k -> 1 - k / n).toArray()), 0, Optional.of(Tensor.ones(n)),
                MGH + "25");
    }

    /**
     * (26) Trigonometric, m = n: rᵢ = n − Σcos xⱼ + i(1 − cos xᵢ) − sin xᵢ, x₀ = (1/n, …, 1/n); f* = 0
     * (MGH); from x₀ descent methods usually stop at a local minimum (f ≈ 2.8e-5 for n = 10).
     */
    static TestProblem trigonometric(int n) {
        Var i = constant(range(1, n));
        return new TestProblem(name("Trigonometric", 26, n), 26, n, x -> {
            Var cos = x.cos();
            return sumOfSquares(i.mul(cos.neg().add(1)).sub(x.sin()).sub(cos.sum()).add(n));
        }, Tensor.full(Shape.of(n), 1.0 / n), 0, Optional.empty(), MGH + "26");
    }

    /**
     * (27) Brown almost-linear, m = n: rᵢ = xᵢ + Σxⱼ − (n + 1) for i < n, rₙ = Πxⱼ − 1,
     * x₀ = (½, …, ½); f* = 0 at (1, …, 1), and f = 1 at (0, …, 0, n + 1).
     */
    static TestProblem brownAlmostLinear(int n) {
        return new TestProblem(name("Brown almost-linear", 27, n), 27, n, x -> {
            Var product = at(x, 0);
            for (int k = 1; k < n; k++) {
                product = product.mul(at(x, k));
            }
            return sumOfSquares(x.slice(0, 0, n - 1).add(x.sum()).sub(n + 1), product.sub(1));
        }, Tensor.full(Shape.of(n), 0.5), 0, Optional.of(Tensor.ones(n)), MGH + "27; also f = 1 at (0, ..., 0, n+1)");
    }

    /**
     * (28) Discrete boundary value, m = n: rᵢ = 2xᵢ − xᵢ₋₁ − xᵢ₊₁ + h²(xᵢ + tᵢ + 1)³/2, h = 1/(n + 1),
     * tᵢ = ih, x₀ = xₙ₊₁ = 0; x₀ᵢ = tᵢ(tᵢ − 1); f* = 0.
     */
    static TestProblem discreteBoundaryValue(int n) {
        double h = 1.0 / (n + 1);
        double[] t = scaled(range(1, n), h);
        Var tv = constant(t);
        return new TestProblem(name("Discrete boundary value", 28, n), 28, n, x -> {
            Var cube = x.add(tv).add(1).pow(3).mul(h * h / 2);
            return sumOfSquares(x.mul(2).sub(below(x)).sub(above(x)).add(cube));
        }, Tensor.vector(Arrays.stream(t).map(ti -> ti * (ti - 1)).toArray()), 0, Optional.empty(), MGH + "28");
    }

    /** The message of a size a problem does not take. */
    static void require(boolean condition, String what, int n) {
        if (!condition) {
            throw new IllegalArgumentException("MoreGarbowHillstrom: " + what + ", got n = " + n);
        }
    }
}
