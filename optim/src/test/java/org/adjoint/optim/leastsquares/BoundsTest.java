package org.adjoint.optim.leastsquares;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.adjoint.autodiff.Var;
import org.adjoint.autodiff.VarFunction;
import org.adjoint.core.Tensor;
import org.adjoint.optim.leastsquares.nist.NistProblem;
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
        Bounds box = new Bounds(new double[] {-INF, -INF}, new double[] {0.5, INF});
        List<double[]> points = new ArrayList<>();
        LeastSquaresResult result = LevenbergMarquardt.standard().solve(recording(ROSENBROCK, points), Tensor.vector(-1.2, 1), box);
        assertTrue(result.converged(), result::toString);
        // SciPy: x = [0.49999999999999994, 0.25], cost 0.125, active_mask [1, 0].
        assertArrayEquals(new double[] {0.5, 0.25}, result.theta().toArray(), 1e-12);
        assertEquals(0.125, result.cost(), 1e-12);
        assertTrue(points.size() > 3);
        points.forEach(p -> assertTrue(box.contains(p), () -> java.util.Arrays.toString(p) + " outside the box"));
    }

    @Test
    void misra1aWithItsRateHeldBelowTheCertifiedValueMatchesScipy() {
        NistProblem misra = NistRuns.problem("Misra1a");
        Bounds box = new Bounds(new double[] {0, 0}, new double[] {INF, 5e-4});
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
        points.forEach(p -> assertTrue(box.contains(p), () -> java.util.Arrays.toString(p) + " outside the box"));
    }

    @Test
    void aParameterWithEqualBoundsStaysFixed() {
        Bounds box = new Bounds(new double[] {0.3, -INF}, new double[] {0.3, INF});
        LeastSquaresResult result = LevenbergMarquardt.standard().solve(ROSENBROCK, Tensor.vector(0.3, 5), box);
        assertTrue(result.converged(), result::toString);
        assertArrayEquals(new double[] {0.3, 0.09}, result.theta().toArray(), 1e-12);
    }

    @Test
    void inactiveBoundsChangeNothing() {
        LeastSquaresResult free = LevenbergMarquardt.standard().solve(ROSENBROCK, Tensor.vector(-1.2, 1));
        LeastSquaresResult boxed = LevenbergMarquardt.standard().solve(ROSENBROCK, Tensor.vector(-1.2, 1), Bounds.none(2));
        assertArrayEquals(free.theta().toArray(), boxed.theta().toArray(), 0);
        assertEquals(free.residualEvaluations(), boxed.residualEvaluations());
    }

    private static void refuses(Runnable call, String fragment) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
        assertTrue(e.getMessage().contains(fragment), () -> "\"" + e.getMessage() + "\" lacks \"" + fragment + "\"");
    }

    @Test
    void badBoundsAndStartsOutsideAreRefused() {
        refuses(() -> new Bounds(new double[] {0, 2}, new double[] {1, 1}), "parameter 1 has lower bound 2.0 and upper bound 1.0");
        refuses(() -> new Bounds(new double[] {Double.NaN}, new double[] {1}), "parameter 0 has lower bound NaN");
        refuses(() -> new Bounds(new double[] {0}, new double[] {1, 2}), "1 lower bounds but 2 upper bounds");
        Bounds box = new Bounds(new double[] {-1, -1}, new double[] {1, 1});
        refuses(() -> LevenbergMarquardt.standard().solve(ROSENBROCK, Tensor.vector(-1.2, 1), box),
                "θ₀[0] = -1.2 lies outside its bounds [-1.0, 1.0]");
        refuses(() -> LevenbergMarquardt.standard().solve(ROSENBROCK, Tensor.vector(0, 0, 0), box), "2 bounds for 3 parameters");
        assertArrayEquals(new double[] {-1, 0.5}, box.project(new double[] {-3, 0.5}), 0);
    }
}
