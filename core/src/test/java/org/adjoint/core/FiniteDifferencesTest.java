package org.adjoint.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.ToDoubleFunction;
import org.adjoint.core.FiniteDifferences.Scheme;
import org.junit.jupiter.api.Test;

class FiniteDifferencesTest {

    /** f(x, y) = x²·y + sin(y): ∇f = (2xy, x² + cos y), ∇²f = [[2y, 2x], [2x, −sin y]]. */
    private static final ToDoubleFunction<Tensor> F = t -> {
        double x = t.get(0);
        double y = t.get(1);
        return x * x * y + Math.sin(y);
    };
    private static final Tensor POINT = Tensor.vector(1.5, -0.7);

    @Test
    void centeredGradientMatchesTheAnalyticOne() {
        Tensor expected = Tensor.vector(2 * 1.5 * -0.7, 1.5 * 1.5 + Math.cos(-0.7));
        Tensor numeric = FiniteDifferences.gradient(F, POINT);
        assertTrue(FiniteDifferences.relativeError(expected, numeric) < 1e-9, numeric::toString);
    }

    @Test
    void forwardDifferencesAreFirstOrderAndCenteredSecondOrder() {
        Tensor expected = Tensor.vector(2 * 1.5 * -0.7, 1.5 * 1.5 + Math.cos(-0.7));
        double forwardCoarse = FiniteDifferences.gradient(F, POINT, 1e-2, Scheme.FORWARD).maxAbsDifference(expected);
        double forwardFine = FiniteDifferences.gradient(F, POINT, 1e-3, Scheme.FORWARD).maxAbsDifference(expected);
        double centeredCoarse = FiniteDifferences.gradient(F, POINT, 1e-2, Scheme.CENTERED).maxAbsDifference(expected);
        double centeredFine = FiniteDifferences.gradient(F, POINT, 1e-3, Scheme.CENTERED).maxAbsDifference(expected);
        // A tenth of the step: a tenth of the error (O(h)) for forward, a hundredth (O(h²)) for centered.
        assertEquals(10, forwardCoarse / forwardFine, 1.5);
        assertEquals(100, centeredCoarse / centeredFine, 15);
    }

    @Test
    void hessianMatchesTheAnalyticOneAndIsSymmetric() {
        Tensor expected = Tensor.matrix(new double[][] {{2 * -0.7, 2 * 1.5}, {2 * 1.5, -Math.sin(-0.7)}});
        Tensor numeric = FiniteDifferences.hessian(F, POINT);
        assertEquals(Shape.of(2, 2), numeric.shape());
        assertTrue(numeric.maxAbsDifference(expected) < 1e-6, numeric::toString);
        assertEquals(numeric.get(0, 1), numeric.get(1, 0));
    }

    @Test
    void jacobianHasOutputShapeThenInputShape() {
        // f(x) = [x0·x1, x0 + x1, x1²] as a 3-vector from a 2-vector.
        Tensor j = FiniteDifferences.jacobian(t -> Tensor.vector(t.get(0) * t.get(1), t.get(0) + t.get(1),
                t.get(1) * t.get(1)), Tensor.vector(2, 3));
        assertEquals(Shape.of(3, 2), j.shape());
        assertTrue(j.allClose(Tensor.matrix(new double[][] {{3, 2}, {1, 1}, {0, 6}}), 1e-8, 1e-8), j::toString);
    }

    @Test
    void relativeErrorFollowsTheGradientCheckDefinition() {
        assertEquals(0.0, FiniteDifferences.relativeError(0, 0));
        assertEquals(0.5, FiniteDifferences.relativeError(1, 2));
        assertEquals(2.0, FiniteDifferences.relativeError(-1, 1));
        assertTrue(Double.isNaN(FiniteDifferences.relativeError(Double.NaN, 1)));
        assertEquals(0.5, FiniteDifferences.relativeError(Tensor.vector(1, 3), Tensor.vector(2, 3)));
        assertThrows(IllegalArgumentException.class,
                () -> FiniteDifferences.relativeError(Tensor.vector(1), Tensor.vector(1, 2)));
    }

    @Test
    void rejectsBadSteps() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FiniteDifferences.gradient(F, POINT, 0, Scheme.CENTERED));
        assertEquals("gradient: step h = 0.0 must be positive and finite", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> FiniteDifferences.hessian(F, POINT, Double.NaN));
    }
}
