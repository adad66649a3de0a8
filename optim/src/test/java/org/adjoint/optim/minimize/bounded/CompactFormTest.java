package org.adjoint.optim.minimize.bounded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.adjoint.core.Tensor;
import org.adjoint.optim.minimize.QuadraticGens;
import org.adjoint.verify.Gen;
import org.adjoint.verify.Property;
import org.junit.jupiter.api.Test;

/**
 * The pieces of L-BFGS-B against their definitions, on random positive definite curvature
 * ({@code y = A·s}): the compact matrix B equals the BFGS updates applied one by one, the subspace
 * step with every variable free solves {@code B·d = −g}, the generalized Cauchy point is the
 * first local minimizer of the model along the projected gradient path, and the step to x̄ (after
 * the Morales–Nocedal projection or backtrack) stays in the box and descends.
 */
class CompactFormTest {

    /** A memory of m pairs (s random, y = A·s) from the seed, and the pairs in order. */
    private record Case(double[][] a, CompactMemory memory, double[][] s, double[][] y, double[] x, double[] g) {
    }

    private static final Gen<Case> CASES = Gen.zip(QuadraticGens.QUADRATICS, Gen.integers(1, 4), Gen.integers(0, 1 << 30))
            .map(t -> build(t.first().a().toArray(), t.first().start().size(), t.second(), t.third()));

    private static Case build(double[] aFlat, int n, int pairs, int seed) {
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(aFlat, i * n, a[i], 0, n);
        }
        Random random = new Random(seed);
        CompactMemory memory = new CompactMemory(Math.max(1, pairs - 1));
        double[][] s = new double[pairs][];
        double[][] y = new double[pairs][];
        for (int k = 0; k < pairs; k++) {
            s[k] = random.doubles(n, -1, 1).toArray();
            y[k] = Dense.times(a, s[k]);
            assertTrue(memory.update(s[k], y[k]));
        }
        return new Case(a, memory, s, y, random.doubles(n, -2, 2).toArray(), random.doubles(n, -3, 3).toArray());
    }

    /** B = θI − W·M·Wᵀ, formed. */
    private static double[][] compact(CompactMemory memory, int n) {
        double[][] b = new double[n][n];
        for (int i = 0; i < n; i++) {
            double[] mw = memory.timesM(memory.row(i));
            for (int j = 0; j < n; j++) {
                b[j][i] = (i == j ? memory.theta() : 0) - Dense.dot(memory.row(j), mw);
            }
        }
        return b;
    }

    /** θI updated by BFGS with the kept pairs, oldest first: B ← B − Bssᵀ B/sᵀBs + yyᵀ/yᵀs. */
    private static double[][] bfgs(Case c, int kept) {
        int n = c.x().length;
        int last = c.s().length - 1;
        double theta = Dense.dot(c.y()[last], c.y()[last]) / Dense.dot(c.s()[last], c.y()[last]);
        double[][] b = new double[n][n];
        for (int i = 0; i < n; i++) {
            b[i][i] = theta;
        }
        for (int k = c.s().length - kept; k < c.s().length; k++) {
            double[] bs = Dense.times(b, c.s()[k]);
            double sbs = Dense.dot(c.s()[k], bs);
            double sy = Dense.dot(c.s()[k], c.y()[k]);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    b[i][j] += -bs[i] * bs[j] / sbs + c.y()[k][i] * c.y()[k][j] / sy;
                }
            }
        }
        return b;
    }

    @Test
    void theCompactMatrixIsTheBfgsMatrixOfTheKeptPairs() {
        Property.forAll(CASES).check(c -> {
            double[][] compact = compact(c.memory(), c.x().length);
            double[][] bfgs = bfgs(c, c.memory().pairs());
            for (int i = 0; i < compact.length; i++) {
                for (int j = 0; j < compact.length; j++) {
                    assertEquals(bfgs[i][j], compact[i][j], 1e-7 * (1 + Math.abs(bfgs[i][j])), "B[" + i + "][" + j + "]");
                }
            }
        });
    }

    @Test
    void withEveryVariableFreeTheSubspaceStepSolvesTheQuasiNewtonEquation() {
        Property.forAll(CASES).check(c -> {
            int n = c.x().length;
            Bounds free = Bounds.unbounded(n);
            double[] xBar = SubspaceMinimization.of(c.x(), c.g(), new CauchyPoint(c.x().clone(), new double[2 * c.memory().pairs()]),
                    free, c.memory());
            double[] d = new double[n];
            for (int i = 0; i < n; i++) {
                d[i] = xBar[i] - c.x()[i];
            }
            double[] bd = Dense.times(compact(c.memory(), n), d);
            for (int i = 0; i < n; i++) {
                assertEquals(-c.g()[i], bd[i], 1e-7 * (1 + Math.abs(c.g()[i])), "(B·d + g)[" + i + "]");
            }
        });
    }

    @Test
    void theCauchyPointIsTheFirstLocalMinimizerOfTheModelAlongTheProjectedPath() {
        Property.forAll(CASES).check(c -> {
            int n = c.x().length;
            Bounds box = Bounds.box(n, -1, 1);
            double[] x = box.project(Tensor.vector(c.x())).toArray();
            double[][] b = compact(c.memory(), n);
            CauchyPoint cp = CauchyPoint.of(x, c.g(), box, c.memory());
            assertTrue(box.contains(Tensor.vector(cp.point())));
            double tStar = pathParameter(x, c.g(), cp.point(), box);
            Property.assume(!Double.isNaN(tStar));
            double atCauchy = model(x, c.g(), b, cp.point());
            double tolerance = 1e-12 * (1 + Math.abs(atCauchy));
            for (int k = 0; k <= 50; k++) {
                double before = model(x, c.g(), b, path(x, c.g(), tStar * k / 50, box));
                assertTrue(atCauchy <= before + tolerance, "m(x^c) = " + atCauchy + " > m(x(" + tStar * k / 50 + ")) = " + before);
            }
            // just beyond t*, but before the next breakpoint, where the model may turn down again
            double beyond = tStar + Math.min(1e-3 * tStar, (nextBreakpoint(x, c.g(), tStar, box) - tStar) / 2);
            double after = model(x, c.g(), b, path(x, c.g(), beyond, box));
            assertTrue(atCauchy <= after + tolerance, "m(x^c) = " + atCauchy + " > just beyond: " + after);
        });
    }

    @Test
    void theSubspaceStepEndsInsideTheBoxAndDescends() {
        Property.forAll(CASES, Gen.doubles(0.05, 2)).check((c, width) -> {
            int n = c.x().length;
            Bounds box = Bounds.box(n, -width, width);
            double[] x = box.project(Tensor.vector(c.x())).toArray();
            CauchyPoint cp = CauchyPoint.of(x, c.g(), box, c.memory());
            double[] xBar = SubspaceMinimization.of(x, c.g(), cp, box, c.memory());
            assertTrue(box.contains(Tensor.vector(xBar)), () -> Arrays.toString(xBar));
            double slope = 0;
            double step = 0;
            for (int i = 0; i < n; i++) {
                slope += c.g()[i] * (xBar[i] - x[i]);
                step = Math.max(step, Math.abs(xBar[i] - x[i]));
            }
            assertTrue(step == 0 || slope < 0, "gᵀ(x̄ − x) = " + slope);
        });
    }

    @Test
    void whenTheProjectedSubspaceStepWouldAscendItBacktracksIntoTheBox() {
        // found by a random search: the projection of the subspace minimizer is not a descent direction
        CompactMemory memory = new CompactMemory(2);
        assertTrue(memory.update(new double[] {-0.68, -0.95}, new double[] {-0.47, -0.76}));
        assertTrue(memory.update(new double[] {0.11, 0.89}, new double[] {-0.94, 0.41}));
        Bounds box = Bounds.box(2, -1, 1);
        double[] x = {-0.3, -0.29};
        double[] g = {-2.45, 2.15};
        CauchyPoint cp = CauchyPoint.of(x, g, box, memory);
        double[] u = SubspaceMinimization.unconstrained(x, g, cp, box, memory);
        double[] projected = box.project(Tensor.vector(u)).toArray();
        assertTrue(slope(x, g, projected) >= 0, "the case needs the Morales–Nocedal fix");
        double[] xBar = SubspaceMinimization.of(x, g, cp, box, memory);
        assertTrue(box.contains(Tensor.vector(xBar)));
        assertTrue(slope(x, g, xBar) < 0, "gᵀ(x̄ − x) = " + slope(x, g, xBar));
        // x̄ = x^c + α(u − x^c) with 0 ≤ α < 1: on the segment, short of u
        double[] xc = cp.point();
        double alpha = Double.NaN;
        for (int i = 0; i < 2; i++) {
            if (u[i] != xc[i]) {
                double a = (xBar[i] - xc[i]) / (u[i] - xc[i]);
                assertTrue(Double.isNaN(alpha) || Math.abs(a - alpha) < 1e-12, "not on the segment: " + Arrays.toString(xBar));
                alpha = a;
            }
        }
        assertTrue(alpha >= 0 && alpha < 1, "α = " + alpha);
    }

    private static double slope(double[] x, double[] g, double[] z) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += g[i] * (z[i] - x[i]);
        }
        return s;
    }

    /** t with x^c = P(x − t·g), from a coordinate strictly inside its bounds and moving; NaN if none. */
    private static double pathParameter(double[] x, double[] g, double[] xc, Bounds box) {
        for (int i = 0; i < x.length; i++) {
            if (g[i] != 0 && xc[i] > box.lower(i) && xc[i] < box.upper(i)) {
                return (x[i] - xc[i]) / g[i];
            }
        }
        return Double.NaN;
    }

    /** The first breakpoint tᵢ (where xᵢ − t·gᵢ reaches its bound) after t. */
    private static double nextBreakpoint(double[] x, double[] g, double t, Bounds box) {
        double next = Double.POSITIVE_INFINITY;
        for (int i = 0; i < x.length; i++) {
            double ti = g[i] < 0 ? (x[i] - box.upper(i)) / g[i] : g[i] > 0 ? (x[i] - box.lower(i)) / g[i] : Double.POSITIVE_INFINITY;
            if (ti > t) {
                next = Math.min(next, ti);
            }
        }
        return next;
    }

    private static double[] path(double[] x, double[] g, double t, Bounds box) {
        double[] z = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            z[i] = box.clip(i, x[i] - t * g[i]);
        }
        return z;
    }

    /** m(z) = gᵀ(z − x) + ½(z − x)ᵀB(z − x). */
    private static double model(double[] x, double[] g, double[][] b, double[] z) {
        double[] d = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            d[i] = z[i] - x[i];
        }
        return Dense.dot(g, d) + 0.5 * Dense.dot(d, Dense.times(b, d));
    }
}
