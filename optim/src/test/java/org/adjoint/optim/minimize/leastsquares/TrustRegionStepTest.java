package org.adjoint.optim.minimize.leastsquares;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.adjoint.verify.Gen;
import org.adjoint.verify.Property;
import org.junit.jupiter.api.Test;

/**
 * Properties of the linear algebra under Levenberg–Marquardt, on random matrices: the pivoted QR
 * reproduces J, and Moré's λ solves the trust-region subproblem it promises.
 */
class TrustRegionStepTest {

    /** An m × n matrix (3 ≤ n ≤ 5, m = n + 3) with columns of very different scales, and a right side. */
    private static final Gen<double[]> ELEMENTS = Gen.doubleArrays(Gen.doubles(-1, 1), 8 * 5 + 8);
    private static final Gen<Integer> SIZES = Gen.integers(3, 5);
    private static final Gen<Double> RADII = Gen.doubles(-4, 2);

    private static double[] matrix(double[] e, int m, int n) {
        double[] j = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int c = 0; c < n; c++) {
                j[i * n + c] = e[i * n + c] * Math.pow(10, c - 2);
            }
        }
        return j;
    }

    @Test
    void pivotedQrReproducesTheMatrixAndOrdersTheDiagonal() {
        Property.forAll(ELEMENTS, SIZES).check((e, n) -> {
            int m = n + 3;
            double[] j = matrix(e, m, n);
            PivotedQr qr = new PivotedQr(j, m, n);
            double[] r = qr.r();
            int[] perm = qr.permutation();
            for (int k = 1; k < n; k++) {
                assertTrue(Math.abs(r[k * n + k]) <= Math.abs(r[(k - 1) * n + k - 1]) * (1 + 1e-12), Arrays.toString(r));
            }
            // ‖J·x‖ = ‖R·Pᵀx‖ for every x, checked on the unit vectors: column norms of J and of R·Pᵀ agree.
            double[] norms = qr.columnNorms();
            for (int k = 0; k < n; k++) {
                double s = 0;
                for (int i = 0; i <= k; i++) {
                    s += r[i * n + k] * r[i * n + k];
                }
                assertEquals(norms[perm[k]], Math.sqrt(s), 1e-12 * norms[perm[k]]);
            }
            // Least squares: Jᵀ(J·x − b) = 0 at the solution.
            double[] b = Arrays.copyOfRange(e, 40, 40 + m);
            double[] x = qr.solve(Arrays.copyOf(qr.qTransposeTimes(b), n), n);
            double[] residual = new double[m];
            for (int i = 0; i < m; i++) {
                for (int c = 0; c < n; c++) {
                    residual[i] += j[i * n + c] * x[c];
                }
                residual[i] -= b[i];
            }
            double[] g = AccurateSums.jTransposeTimes(j, residual, n);
            for (int c = 0; c < n; c++) {
                assertEquals(0, g[c], 1e-10 * norms[c] * Norms.euclidean(b), Arrays.toString(g));
            }
        });
    }

    @Test
    void moresParameterMeetsTheRadiusOrIsZero() {
        Property.forAll(ELEMENTS, SIZES, RADII).check((e, n, logRadius) -> {
            int m = n + 3;
            double[] j = matrix(e, m, n);
            PivotedQr qr = new PivotedQr(j, m, n);
            double[] d = qr.columnNorms();
            Property.assume(Arrays.stream(d).allMatch(v -> v > 0));
            double[] r = Arrays.copyOfRange(e, 40, 40 + m);
            double[] qtr = Arrays.copyOf(qr.qTransposeTimes(r), n);
            double delta = Math.pow(10, logRadius);
            LmParameter.Step step = LmParameter.solve(qr, qtr, d, delta, 0);
            double dp = LmParameter.scaledNorm(d, step.p());
            if (step.lambda() == 0) {
                assertTrue(dp <= 1.1 * delta, "λ = 0 but ‖Dp‖ = " + dp + " > 1.1Δ = " + 1.1 * delta);
            } else {
                assertTrue(Math.abs(dp - delta) <= 0.1 * delta * (1 + 1e-9), "λ = " + step.lambda() + ", ‖Dp‖ = " + dp + ", Δ = " + delta);
                // p solves (JᵀJ + λD²)p = −Jᵀr.
                double[] jp = new double[m];
                for (int i = 0; i < m; i++) {
                    for (int c = 0; c < n; c++) {
                        jp[i] += j[i * n + c] * step.p()[c];
                    }
                    jp[i] += r[i];
                }
                double[] g = AccurateSums.jTransposeTimes(j, jp, n);
                for (int c = 0; c < n; c++) {
                    double lhs = g[c] + step.lambda() * d[c] * d[c] * step.p()[c];
                    assertEquals(0, lhs, 1e-9 * d[c] * (Norms.euclidean(r) + d[c] * Math.abs(step.p()[c])));
                }
            }
        });
    }

    @Test
    void aSingularJacobianHasItsRankRevealed() {
        double[] j = {1, 2, 0, 2, 4, 0, 3, 6, 0};
        PivotedQr qr = new PivotedQr(j, 3, 3);
        assertEquals(1, qr.rank());
        assertArrayEquals(new double[] {Math.sqrt(14), 2 * Math.sqrt(14), 0}, qr.columnNorms(), 1e-12);
    }
}
