package org.adjoint.optim.minimize.leastsquares;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.adjoint.optim.minimize.bounded.Bounds;
import java.util.ArrayList;
import java.util.List;
import org.adjoint.autodiff.Var;
import org.adjoint.autodiff.VarFunction;
import org.adjoint.core.Tensor;
import org.adjoint.optim.minimize.leastsquares.nist.NistProblem;
import org.junit.jupiter.api.Test;

/**
 * Bounded Levenberg–Marquardt: the solutions SciPy's {@code least_squares(bounds=…)} finds on problems
 * with an active bound ({@code optim/src/test/python/bounded_reference.py}, SciPy 1.17.1), every
 * evaluated point inside the box, and the bad input refused.
 */
class BoundsTest {

    private static final double INF = Double.POSITIVE_INFINITY;

    private static final VarFunction ROSENBROCK = theta -> {
        Var a = theta.slice(0, 0, 1);
        Var b = theta.slice(0, 1, 2);
        return Var.concat(0, b.sub(a.square()).mul(10), a.neg().add(1));
    };

    /** The residual function, recording every θ it is evaluated at (values and Jacobians alike). */
    private static VarFunction recording(VarFunction f, List<double[]> points) {
        return theta -> {
            points.add(theta.value().toArray());
            return f.apply(theta);
        };
    }

    @Test
    void rosenbrockWithAnActiveUpperBoundStopsOnIt() {
        Bounds box = Bounds.of(new double[] {-INF, -INF}, new double[] {0.5, INF});
        List<double[]> points = new ArrayList<>();
        LeastSquaresResult result = LevenbergMarquardt.standard().solve(recording(ROSENBROCK, points), Tensor.vector(-1.2, 1), box);
        assertTrue(result.converged(), result::toString);
        // SciPy: x = [0.49999999999999994, 0.25], cost 0.125, active_mask [1, 0].
        assertArrayEquals(new double[] {0.5, 0.25}, result.theta().toArray(), 1e-12);
        assertEquals(0.125, result.cost(), 1e-12);
        assertTrue(points.size() > 3);
        points.forEach(p -> assertTrue(box.contains(Tensor.vector(p)), () -> java.util.Arrays.toString(p) + " outside the box"));
    }

    @Test
    void misra1aWithItsRateHeldBelowTheCertifiedValueMatchesScipy() {
        NistProblem misra = NistRuns.problem("Misra1a");
        Bounds box = Bounds.of(new double[] {0, 0}, new double[] {INF, 5e-4});
        List<double[]> points = new ArrayList<>();
        LeastSquaresResult result = LevenbergMarquardt.standard().solve(recording(misra.residuals(), points),
                Tensor.vector(misra.dataset().start1()), box);
        assertTrue(result.converged(), result::toString);
        assertEquals(5e-4, result.theta().get(1), 0, "b2 held at its upper bound");
        // With b2 fixed, b1 is a linear least-squares estimate: Σyφ/Σφ², φ = 1 − exp(−b2·x).
        double[] x = misra.dataset().x()[0];
        double[] y = misra.dataset().y();
        double num = 0;
        double den = 0;
        for (int i = 0; i < x.length; i++) {
            double phi = 1 - Math.exp(-5e-4 * x[i]);
            num += y[i] * phi;
            den += phi * phi;
        }
        assertEquals(num / den, result.theta().get(0), 1e-11 * 259);
        assertEquals(259.482651274965, result.theta().get(0), 1e-9 * 259, "SciPy's b1");
        assertEquals(0.3105332581024111, result.cost(), 1e-12);
        points.forEach(p -> assertTrue(box.contains(Tensor.vector(p)), () -> java.util.Arrays.toString(p) + " outside the box"));
    }

    /**
     * On random box-constrained problems r(θ) = A·θ − b + 0.1·sin(θ) (m = 6, n = 3, some bounds active),
     * the solution satisfies the first-order conditions to 1e-11 (Newton polishing over the free
     * parameters resolves them): gⱼ ≈ 0 where θⱼ is strictly inside, gⱼ ≥ 0
     * at a lower bound and gⱼ ≤ 0 at an upper bound, g = Jᵀr; and every point evaluated lies in the box.
     */
    @Test
    void boundedSolutionsSatisfyTheKktConditions() {
        org.adjoint.verify.Property.forAll(org.adjoint.verify.Gen.doubleArrays(org.adjoint.verify.Gen.doubles(-1, 1), 6 * 3 + 6 + 6))
                .check(e -> {
                    double[] a = java.util.Arrays.copyOfRange(e, 0, 18);
                    for (int k = 0; k < 3; k++) {
                        a[k * 3 + k] += 2;
                    }
                    Var matrix = Var.constant(Tensor.of(org.adjoint.core.Shape.of(6, 3), a));
                    Var b = Var.constant(Tensor.vector(java.util.Arrays.copyOfRange(e, 18, 24)).mul(3));
                    VarFunction r = theta -> matrix.matmul(theta.reshape(3, 1)).reshape(6).sub(b)
                            .add(Var.concat(0, theta, theta).sin().mul(0.1));
                    double[] half = {0.1 + Math.abs(e[24]), 0.1 + Math.abs(e[25]), 0.1 + Math.abs(e[26])};
                    Bounds box = Bounds.of(new double[] {-half[0], -half[1], -INF}, new double[] {half[0], INF, half[2]});
                    List<double[]> points = new ArrayList<>();
                    LeastSquaresResult result = LevenbergMarquardt.standard().solve(recording(r, points), Tensor.vector(0, 0, 0), box);
                    assertTrue(result.converged(), result::toString);
                    points.forEach(p -> assertTrue(box.contains(Tensor.vector(p)), () -> java.util.Arrays.toString(p) + " outside " + box));
                    double[] g = AccurateSums.jTransposeTimes(result.jacobian().toArray(), result.residuals().toArray(), 3);
                    double[] theta = result.theta().toArray();
                    for (int j = 0; j < 3; j++) {
                        String at = "θ = " + java.util.Arrays.toString(theta) + ", g = " + java.util.Arrays.toString(g) + ", " + box;
                        if (theta[j] <= box.lower()[j]) {
                            assertTrue(g[j] >= -1e-11, at);
                        } else if (theta[j] >= box.upper()[j]) {
                            assertTrue(g[j] <= 1e-11, at);
                        } else {
                            assertEquals(0, g[j], 1e-11, at);
                        }
                    }
                });
    }

    @Test
    void aParameterWithEqualBoundsStaysFixed() {
        Bounds box = Bounds.of(new double[] {0.3, -INF}, new double[] {0.3, INF});
        LeastSquaresResult result = LevenbergMarquardt.standard().solve(ROSENBROCK, Tensor.vector(0.3, 5), box);
        assertTrue(result.converged(), result::toString);
        assertArrayEquals(new double[] {0.3, 0.09}, result.theta().toArray(), 1e-12);
    }

    @Test
    void inactiveBoundsChangeNothing() {
        LeastSquaresResult free = LevenbergMarquardt.standard().solve(ROSENBROCK, Tensor.vector(-1.2, 1));
        LeastSquaresResult boxed = LevenbergMarquardt.standard().solve(ROSENBROCK, Tensor.vector(-1.2, 1), Bounds.unbounded(2));
        assertArrayEquals(free.theta().toArray(), boxed.theta().toArray(), 0);
        assertEquals(free.residualEvaluations(), boxed.residualEvaluations());
    }

    private static void refuses(Runnable call, String fragment) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
        assertTrue(e.getMessage().contains(fragment), () -> "\"" + e.getMessage() + "\" lacks \"" + fragment + "\"");
    }

    @Test
    void badBoundsAndStartsOutsideAreRefused() {
        // The bounds are L-BFGS-B's type, whose own refusals bounded.BoundsTest covers; one of them here.
        refuses(() -> Bounds.of(new double[] {0, 2}, new double[] {1, 1}), "lower bound 1 exceeds its upper bound: 2.0 > 1.0");
        Bounds box = Bounds.of(new double[] {-1, -1}, new double[] {1, 1});
        refuses(() -> LevenbergMarquardt.standard().solve(ROSENBROCK, Tensor.vector(-1.2, 1), box),
                "θ₀[0] = -1.2 lies outside its bounds [-1.0, 1.0]");
        refuses(() -> LevenbergMarquardt.standard().solve(ROSENBROCK, Tensor.vector(0, 0, 0), box), "2 bounds for 3 parameters");
        assertArrayEquals(new double[] {-1, 0.5}, Box.project(box, new double[] {-3, 0.5}), 0);
    }
}
