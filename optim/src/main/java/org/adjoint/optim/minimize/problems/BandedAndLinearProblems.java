package org.adjoint.optim.minimize.problems;

import static org.adjoint.optim.minimize.problems.Residuals.above;
import static org.adjoint.optim.minimize.problems.Residuals.below;
import static org.adjoint.optim.minimize.problems.Residuals.constant;
import static org.adjoint.optim.minimize.problems.Residuals.range;
import static org.adjoint.optim.minimize.problems.Residuals.scaled;
import static org.adjoint.optim.minimize.problems.Residuals.sumOfSquares;
import static org.adjoint.optim.minimize.problems.VariableDimensionProblems.require;

import java.util.Arrays;
import java.util.Optional;
import org.adjoint.autodiff.Var;
import org.adjoint.core.Shape;
import org.adjoint.core.Tensor;

/**
 * Problems 29–35 of Moré, Garbow and Hillstrom (1981), whose size n is a parameter: an integral
 * equation, two banded systems, three linear least-squares problems and Chebyquad. Sums over
 * neighbours are products with constant matrices.
 */
final class BandedAndLinearProblems {

    private static final String MGH = "Moré, Garbow & Hillstrom (1981), ACM TOMS 7(1), problem ";

    private BandedAndLinearProblems() {
    }

    private static String name(String name, int number, int n) {
        return name + " (" + number + "), n = " + n;
    }

    /**
     * (29) Discrete integral equation, m = n: rᵢ = xᵢ + h[(1 − tᵢ)Σ_(j≤i) tⱼ(xⱼ + tⱼ + 1)³
     * + tᵢΣ_(j>i) (1 − tⱼ)(xⱼ + tⱼ + 1)³]/2, h = 1/(n + 1), tᵢ = ih, x₀ᵢ = tᵢ(tᵢ − 1); f* = 0.
     */
    static TestProblem discreteIntegralEquation(int n) {
        double h = 1.0 / (n + 1);
        double[] t = scaled(range(1, n), h);
        double[][] kernel = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                kernel[i][j] = h / 2 * (j <= i ? (1 - t[i]) * t[j] : t[i] * (1 - t[j]));
            }
        }
        Var k = Var.constant(Tensor.matrix(kernel));
        Var tv = constant(t);
        return new TestProblem(name("Discrete integral equation", 29, n), 29, n,
                x -> sumOfSquares(x.add(k.matmul(x.add(tv).add(1).pow(3)))),
                Tensor.vector(Arrays.stream(t).map(ti -> ti * (ti - 1)).toArray()), 0, Optional.empty(), MGH + "29");
    }

    /** (30) Broyden tridiagonal, m = n: rᵢ = (3 − 2xᵢ)xᵢ − xᵢ₋₁ − 2xᵢ₊₁ + 1, x₀ = xₙ₊₁ = 0; x₀ = (−1, …, −1); f* = 0. */
    static TestProblem broydenTridiagonal(int n) {
        return new TestProblem(name("Broyden tridiagonal", 30, n), 30, n,
                x -> sumOfSquares(x.mul(-2).add(3).mul(x).sub(below(x)).sub(above(x).mul(2)).add(1)),
                Tensor.full(Shape.of(n), -1), 0, Optional.empty(), MGH + "30");
    }

    /**
     * (31) Broyden banded, m = n: rᵢ = xᵢ(2 + 5xᵢ²) + 1 − Σ_(j∈Jᵢ) xⱼ(1 + xⱼ), Jᵢ = {j ≠ i :
     * max(1, i − 5) ≤ j ≤ min(n, i + 1)}; x₀ = (−1, …, −1); f* = 0.
     */
    static TestProblem broydenBanded(int n) {
        double[][] band = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = Math.max(0, i - 5); j <= Math.min(n - 1, i + 1); j++) {
                band[i][j] = j == i ? 0 : 1;
            }
        }
        Var b = Var.constant(Tensor.matrix(band));
        return new TestProblem(name("Broyden banded", 31, n), 31, n,
                x -> sumOfSquares(x.square().mul(5).add(2).mul(x).add(1).sub(b.matmul(x.add(1).mul(x)))),
                Tensor.full(Shape.of(n), -1), 0, Optional.empty(), MGH + "31");
    }

    /**
     * (32) Linear function, full rank, m ≥ n: rᵢ = xᵢ − (2/m)Σxⱼ − 1 for i ≤ n, rᵢ = −(2/m)Σxⱼ − 1 for
     * i > n; x₀ = (1, …, 1); f* = m − n at (−1, …, −1).
     */
    static TestProblem linearFullRank(int n, int m) {
        require(m >= n, "the linear function needs m ≥ n (m = " + m + ")", n);
        double[][] a = new double[m][n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                a[i][j] = (i == j ? 1 : 0) - 2.0 / m;
            }
        }
        return linear(name("Linear function - full rank", 32, n) + ", m = " + m, 32, a, m - n,
                Optional.of(Tensor.full(Shape.of(n), -1)));
    }

    /**
     * (33) Linear function, rank 1, m ≥ n: rᵢ = i·Σj·xⱼ − 1; x₀ = (1, …, 1); f* = m(m − 1)/(2(2m + 1))
     * wherever Σj·xⱼ = 3/(2m + 1), e.g. at (3/(2m + 1), 0, …, 0).
     */
    static TestProblem linearRank1(int n, int m) {
        require(m >= n, "the linear function needs m ≥ n (m = " + m + ")", n);
        double[][] a = new double[m][n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                a[i][j] = (i + 1.0) * (j + 1.0);
            }
        }
        double[] minimizer = new double[n];
        minimizer[0] = 3.0 / (2 * m + 1);
        return linear(name("Linear function - rank 1", 33, n) + ", m = " + m, 33, a, m * (m - 1.0) / (2 * (2 * m + 1.0)),
                Optional.of(Tensor.vector(minimizer)));
    }

    /**
     * (34) Linear function, rank 1 with zero columns and rows, m ≥ n: r₁ = r_m = −1,
     * rᵢ = (i − 1)Σ_(j=2)^(n−1) j·xⱼ − 1 otherwise; x₀ = (1, …, 1); f* = (m² + 3m − 6)/(2(2m − 3)) wherever
     * Σ_(j=2)^(n−1) j·xⱼ = 3/(2m − 3), e.g. at (0, 3/(2(2m − 3)), 0, …, 0).
     */
    static TestProblem linearRank1ZeroColumnsAndRows(int n, int m) {
        require(m >= n && n >= 3, "the linear function needs m ≥ n ≥ 3 (m = " + m + ")", n);
        double[][] a = new double[m][n];
        for (int i = 1; i < m - 1; i++) {
            for (int j = 1; j < n - 1; j++) {
                a[i][j] = i * (j + 1.0);
            }
        }
        double[] minimizer = new double[n];
        minimizer[1] = 3.0 / (2 * (2 * m - 3));
        return linear(name("Linear function - rank 1 with zero columns and rows", 34, n) + ", m = " + m, 34, a,
                (m * m + 3.0 * m - 6) / (2 * (2 * m - 3.0)), Optional.of(Tensor.vector(minimizer)));
    }

    private static TestProblem linear(String name, int number, double[][] a, double fStar, Optional<Tensor> minimizer) {
        Var matrix = Var.constant(Tensor.matrix(a));
        int n = a[0].length;
        return new TestProblem(name, number, n, x -> sumOfSquares(matrix.matmul(x).sub(1)), Tensor.ones(n), fStar, minimizer,
                MGH + number);
    }

    /**
     * (35) Chebyquad, m = n: rᵢ = (1/n)ΣTᵢ(xⱼ) − ∫₀¹Tᵢ, with Tᵢ the Chebyshev polynomial shifted to [0, 1]
     * (∫₀¹Tᵢ = 0 for odd i, −1/(i² − 1) for even i); x₀ⱼ = j/(n + 1); f* = 0 for n ≤ 7 and n = 9,
     * 3.51687e-3 for n = 8, 6.50395e-3 for n = 10 (MGH).
     */
    static TestProblem chebyquad(int n) {
        double[] integrals = new double[n];
        for (int i = 1; i <= n; i++) {
            integrals[i - 1] = i % 2 == 1 ? 0 : -1.0 / (i * i - 1.0);
        }
        return new TestProblem(name("Chebyquad", 35, n), 35, n, x -> {
            Var y = x.mul(2).sub(1);
            Var previous = Var.constant(Tensor.ones(n));
            Var current = y;
            Var[] r = new Var[n];
            for (int i = 0; i < n; i++) {
                r[i] = current.mean().sub(integrals[i]);
                Var next = y.mul(current).mul(2).sub(previous);
                previous = current;
                current = next;
            }
            return sumOfSquares(r);
        }, Tensor.vector(scaled(range(1, n), 1.0 / (n + 1))), KnownMinima.chebyquad(n), Optional.empty(), MGH + "35");
    }
}
