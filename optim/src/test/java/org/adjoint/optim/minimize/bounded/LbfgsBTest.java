package org.adjoint.optim.minimize.bounded;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.adjoint.autodiff.Var;
import org.adjoint.core.Shape;
import org.adjoint.core.Tensor;
import org.adjoint.optim.minimize.MinimizationResult;
import org.adjoint.optim.minimize.Objective;
import org.adjoint.optim.minimize.QuadraticGens;
import org.adjoint.optim.minimize.StopReason;
import org.adjoint.optim.minimize.Stopping;
import org.adjoint.optim.minimize.problems.MoreGarbowHillstrom;
import org.adjoint.verify.Gen;
import org.adjoint.verify.Property;
import org.adjoint.verify.TensorGens;
import org.junit.jupiter.api.Test;

/** L-BFGS-B on problems whose constrained minimum is known, and its handling of bad input. */
class LbfgsBTest {

    private static final Objective ROSENBROCK = MoreGarbowHillstrom.problem(1).objective();
    private static final Stopping TIGHT = Stopping.defaults().withGradientTolerance(1e-10);

    /** Every point of the trace lies inside the box. */
    static void assertInside(Bounds bounds, MinimizationResult r) {
        for (Tensor x : r.trace()) {
            assertTrue(bounds.contains(x), () -> x + " outside " + bounds);
        }
    }

    @Test
    void rosenbrockWithAnUpperBoundOnX1EndsOnThatBound() {
        // f = 100(x2 − x1²)² + (1 − x1)² with x1 ≤ 0.5: x* = (0.5, 0.25), f* = 0.25
        Bounds bounds = Bounds.of(new double[] {-2, -1}, new double[] {0.5, 2});
        BoundedResult r = LbfgsB.standard().minimize(ROSENBROCK, Tensor.vector(-1.2, 1), bounds, TIGHT);
        assertEquals(StopReason.GRADIENT_TOLERANCE, r.result().reason(), r::toString);
        assertEquals(0.5, r.x().get(0));
        assertEquals(0.25, r.x().get(1), 1e-9);
        assertEquals(0.25, r.value(), 1e-12);
        assertEquals(List.of(), r.activeSet().atLower());
        assertEquals(List.of(0), r.activeSet().atUpper());
        assertTrue(r.projectedGradientNorm() <= 1e-10);
        assertFalse(r.startProjected());
        assertInside(bounds, r.result());
    }

    @Test
    void withoutBoundsItIsLbfgs() {
        MinimizationResult r = LbfgsB.standard().minimize(ROSENBROCK, Tensor.vector(-1.2, 1), TIGHT);
        assertEquals(StopReason.GRADIENT_TOLERANCE, r.reason(), r::toString);
        assertEquals(1, r.x().get(0), 1e-8);
        assertEquals(1, r.x().get(1), 1e-8);
        assertTrue(r.evaluations().gradients() < 60, r::toString);
    }

    @Test
    void aStartOutsideTheBoxIsProjectedAndTheMessageSaysSo() {
        Bounds bounds = Bounds.of(new double[] {-2, -1}, new double[] {0.5, 2});
        BoundedResult r = LbfgsB.standard().minimize(ROSENBROCK, Tensor.vector(3, -5), bounds, TIGHT);
        assertTrue(r.startProjected());
        assertArrayEquals(new double[] {0.5, -1}, r.result().trace().get(0).toArray());
        assertTrue(r.result().message().contains("lay outside the bounds and was projected onto them"), r::toString);
        assertEquals(0.25, r.value(), 1e-12);
        assertInside(bounds, r.result());
    }

    @Test
    void aFixedVariableStaysFixed() {
        Bounds bounds = Bounds.of(new double[] {0.7, -5}, new double[] {0.7, 5});
        BoundedResult r = LbfgsB.standard().minimize(ROSENBROCK, Tensor.vector(0.7, 3), bounds, TIGHT);
        assertEquals(0.7, r.x().get(0));
        assertEquals(0.49, r.x().get(1), 1e-9);
        assertEquals(List.of(0), r.activeSet().atLower());
        assertEquals(List.of(0), r.activeSet().atUpper());
        r.result().trace().forEach(x -> assertEquals(0.7, x.get(0)));
    }

    @Test
    void onAConvexQuadraticInARandomBoxItReachesTheKktPointWithEveryIterateInside() {
        Gen<double[]> corners = TensorGens.tensorOf(Shape.of(2), Gen.doubles(-3, 3)).map(Tensor::toArray);
        Property.forAll(QuadraticGens.QUADRATICS, corners).scaledTries(0.25).check((q, c) -> {
            int n = q.start().size();
            double[] lower = new double[n];
            double[] upper = new double[n];
            for (int i = 0; i < n; i++) {
                lower[i] = Math.min(c[0], c[1]) - 0.1 * i;
                upper[i] = Math.max(c[0], c[1]) + 0.05 * i;
            }
            Bounds bounds = Bounds.of(lower, upper);
            BoundedResult r = LbfgsB.standard().minimize(q.objective(), q.start(), bounds,
                    Stopping.defaults().withGradientTolerance(1e-6).withMaxIterations(500));
            assertTrue(r.converged(), r::toString);
            assertInside(bounds, r.result());
            Tensor g = q.objective().evaluate(r.x()).gradient();
            assertTrue(bounds.projectedGradient(r.x(), g).abs().max().item() <= 1e-6, r::toString);
            for (int i = 1; i < r.result().values().size(); i++) {
                assertTrue(r.result().values().get(i) <= r.result().values().get(i - 1), "f increased at iterate " + i);
            }
        });
    }

    @Test
    void stopsOnTheRelativeReductionOfFAsScipy() {
        Bounds bounds = Bounds.box(2, -2, 2);
        BoundedResult r = LbfgsB.standard().minimize(ROSENBROCK, Tensor.vector(-1.2, 1), bounds,
                LbfgsB.scipyStopping().withGradientTolerance(0));
        assertEquals(StopReason.FUNCTION_TOLERANCE, r.result().reason(), r::toString);
        assertEquals(2.220446049250313e-9, LbfgsB.scipyStopping().functionTolerance());
        assertEquals(1e-5, LbfgsB.scipyStopping().gradientTolerance());
    }

    @Test
    void theObjectiveIsNeverEvaluatedOutsideTheBox() {
        // log is NaN below 0: a single evaluation outside x ≥ 0 would show in f
        Bounds bounds = Bounds.nonNegative(2);
        Objective f = Objective.of(x -> x.add(1e-3).log().neg().add(x.mul(Var.constant(Tensor.vector(2, 3)))).sum());
        BoundedResult r = LbfgsB.standard().minimize(f, Tensor.vector(5, 0), bounds, TIGHT);
        assertTrue(r.converged(), r::toString);
        assertEquals(0.5 - 1e-3, r.x().get(0), 1e-8);
        assertEquals(1 / 3.0 - 1e-3, r.x().get(1), 1e-8);
        assertInside(bounds, r.result());
    }

    @Test
    void aLinearFunctionEndsAtTheCornerOfTheBox() {
        // no curvature at all (every y = 0, so no pair is kept): the bounds alone stop the descent
        Objective f = Objective.of(x -> x.mul(Var.constant(Tensor.vector(-1, 2))).sum());
        Bounds bounds = Bounds.box(2, 0, 5);
        BoundedResult r = LbfgsB.standard().minimize(f, Tensor.vector(1, 1), bounds, TIGHT);
        assertEquals(StopReason.GRADIENT_TOLERANCE, r.result().reason(), r::toString);
        assertArrayEquals(new double[] {5, 0}, r.x().toArray());
        assertEquals(List.of(1), r.activeSet().atLower());
        assertEquals(List.of(0), r.activeSet().atUpper());
        assertEquals(0, r.projectedGradientNorm());
        assertInside(bounds, r.result());
    }

    @Test
    void theEvaluationBudgetIsNeverExceeded() {
        Bounds bounds = Bounds.box(2, -2, 2);
        for (int budget = 1; budget <= 40; budget++) {
            BoundedResult r = LbfgsB.standard().minimize(ROSENBROCK, Tensor.vector(-1.2, 1), bounds,
                    TIGHT.withMaxEvaluations(budget));
            assertTrue(r.result().evaluations().total() <= budget, budget + ": " + r);
            assertEquals(StopReason.MAX_EVALUATIONS, r.result().reason(), r::toString);
        }
        BoundedResult r = LbfgsB.standard().minimize(ROSENBROCK, Tensor.vector(-1.2, 1), bounds, TIGHT.withMaxIterations(3));
        assertEquals(StopReason.MAX_ITERATIONS, r.result().reason());
        assertEquals(3, r.result().iterations());
        assertEquals(4, r.result().trace().size());
    }

    @Test
    void aNonFiniteStartStopsAtOnce() {
        Objective f = Objective.of(x -> x.log().sum());
        BoundedResult r = LbfgsB.standard().minimize(f, Tensor.vector(-1, 2), Bounds.box(2, -5, 5));
        assertEquals(StopReason.NON_FINITE_VALUE, r.result().reason(), r::toString);
        assertEquals(1, r.result().evaluations().total());
    }

    @Test
    void badInputIsRefusedWithTheValues() {
        LbfgsB m = LbfgsB.standard();
        IllegalArgumentException size = assertThrows(IllegalArgumentException.class,
                () -> m.minimize(ROSENBROCK, Tensor.vector(1, 2, 3), Bounds.box(2, 0, 1)));
        assertTrue(size.getMessage().contains("2 variables") && size.getMessage().contains("[3]"), size.getMessage());
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> m.minimize(ROSENBROCK, Tensor.vector(1, Double.NaN), Bounds.box(2, 0, 1)));
        assertTrue(nan.getMessage().contains("not finite"), nan.getMessage());
        IllegalArgumentException memory = assertThrows(IllegalArgumentException.class, () -> LbfgsB.withMemory(0));
        assertTrue(memory.getMessage().contains("memory = 0"), memory.getMessage());
    }
}
