package org.adjoint.optim.minimize.bounded;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.adjoint.core.Tensor;
import org.junit.jupiter.api.Test;

/** The box: validation, projection, the projected gradient and the active set. */
class BoundsTest {

    private static final double INF = Double.POSITIVE_INFINITY;

    private static String refused(double[] lower, double[] upper) {
        return assertThrows(IllegalArgumentException.class, () -> Bounds.of(lower, upper)).getMessage();
    }

    @Test
    void refusesLowerAboveUpperNamingTheIndexAndValues() {
        String m = refused(new double[] {0, 3}, new double[] {1, 2});
        assertTrue(m.contains("bound 1") && m.contains("3.0 > 2.0"), m);
    }

    @Test
    void refusesNaNAndEmptyIntervalsAndMismatchedLengths() {
        assertTrue(refused(new double[] {0, Double.NaN}, new double[] {1, 2}).contains("bound 1 is NaN"));
        assertTrue(refused(new double[] {0}, new double[] {Double.NaN}).contains("bound 0 is NaN"));
        assertTrue(refused(new double[] {INF}, new double[] {INF}).contains("no feasible value"));
        assertTrue(refused(new double[] {0, 0}, new double[] {1}).contains("2 and 1"));
        assertTrue(refused(new double[0], new double[0]).contains("0 and 0"));
        String shape = assertThrows(IllegalArgumentException.class,
                () -> Bounds.of(Tensor.zeros(2, 2), Tensor.ones(2, 2))).getMessage();
        assertTrue(shape.contains("vectors"), shape);
        assertThrows(IllegalArgumentException.class, () -> Bounds.box(0, 0, 1));
    }

    @Test
    void projectsAndReportsTheActiveSet() {
        Bounds b = Bounds.of(new double[] {0, -INF, -1}, new double[] {1, 2, -1});
        assertArrayEquals(new double[] {0, 2, -1}, b.project(Tensor.vector(-5, 7, 3)).toArray());
        assertArrayEquals(new double[] {0.5, -100, -1}, b.project(Tensor.vector(0.5, -100, -1)).toArray());
        assertTrue(b.contains(Tensor.vector(0.5, -100, -1)));
        assertFalse(b.contains(Tensor.vector(0.5, 2.5, -1)));
        ActiveSet a = b.activeSet(Tensor.vector(0, 2, -1));
        assertEquals(List.of(0, 2), a.atLower());
        assertEquals(List.of(1, 2), a.atUpper());
        assertTrue(a.isActive(1));
        assertTrue(b.activeSet(Tensor.vector(0.5, 0, -1)).isActive(2));
        assertFalse(b.activeSet(Tensor.vector(0.5, 0, -1)).isActive(0));
        String wrong = assertThrows(IllegalArgumentException.class, () -> b.project(Tensor.vector(1, 2))).getMessage();
        assertTrue(wrong.contains("length 3") && wrong.contains("[2]"), wrong);
    }

    @Test
    void theProjectedGradientVanishesWhereTheGradientPushesOutOfTheBox() {
        Bounds b = Bounds.box(3, 0, 1);
        Tensor x = Tensor.vector(0, 1, 0.5);
        // at the lower bound with g > 0 and at the upper bound with g < 0: no feasible descent
        assertArrayEquals(new double[] {0, 0, -0.25}, b.projectedGradient(x, Tensor.vector(3, -3, 0.25)).toArray());
        // pointing into the box: the step to the projection of x − g
        assertArrayEquals(new double[] {0.5, -1, 0.5}, b.projectedGradient(x, Tensor.vector(-0.5, 2, -2)).toArray());
    }

    @Test
    void describesItselfAndComparesByValue() {
        assertTrue(Bounds.unbounded(2).isUnbounded());
        assertFalse(Bounds.unbounded(2).isBoxed());
        assertTrue(Bounds.box(2, -1, 1).isBoxed());
        assertFalse(Bounds.nonNegative(2).isBoxed());
        assertEquals(Bounds.box(2, 0, INF), Bounds.nonNegative(2));
        assertEquals(Bounds.box(2, 0, INF).hashCode(), Bounds.nonNegative(2).hashCode());
        assertNotEquals(Bounds.box(2, 0, 1), Bounds.box(2, 0, 2));
        assertEquals("Bounds[[0.0, 1.0], [0.0, 1.0]]", Bounds.box(2, 0, 1).toString());
        double[] lower = {0, 0};
        Bounds b = Bounds.of(lower, new double[] {1, 1});
        lower[0] = 5;
        assertEquals(0, b.lower(0));
        b.lower()[0] = 7;
        assertEquals(0, b.lower(0));
        assertThrows(IndexOutOfBoundsException.class, () -> b.upper(2));
    }
}
