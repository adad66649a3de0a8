package org.adjoint.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ShapeTest {

    @Test
    void comparesByValueNotByArrayIdentity() {
        assertEquals(Shape.of(3, 4), Shape.of(3, 4));
        assertEquals(Shape.of(3, 4).hashCode(), Shape.of(new int[] {3, 4}).hashCode());
        assertNotEquals(Shape.of(3, 4), Shape.of(4, 3));
        assertEquals("value", Map.of(Shape.of(2), "value").get(Shape.of(2)));
    }

    @Test
    void isImmutable() {
        int[] dims = {2, 5};
        Shape shape = Shape.of(dims);
        dims[0] = 7;
        shape.dims()[1] = 9;
        assertEquals(Shape.of(2, 5), shape);
    }

    @Test
    void scalarHasRankZeroAndOneElement() {
        assertEquals(0, Shape.SCALAR.rank());
        assertEquals(1, Shape.SCALAR.size());
        assertEquals(Shape.SCALAR, Shape.of());
        assertEquals("[]", Shape.SCALAR.toString());
    }

    @Test
    void stridesAreRowMajor() {
        assertArrayEquals(new int[] {12, 4, 1}, Shape.of(2, 3, 4).strides());
        assertEquals(24, Shape.of(2, 3, 4).size());
        assertEquals(0, Shape.of(2, 0, 4).size());
    }

    @Test
    void negativeAxesCountFromTheEnd() {
        Shape shape = Shape.of(2, 3, 4);
        assertEquals(4, shape.dim(-1));
        assertEquals(2, shape.dim(-3));
        assertEquals(1, shape.axis(-2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> shape.dim(3));
        assertTrue(e.getMessage().contains("axis 3"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> shape.axis(-4));
    }

    @Test
    void broadcastFollowsNumPy() {
        assertEquals(Shape.of(5, 3, 4), Shape.broadcast("add", Shape.of(5, 1, 4), Shape.of(3, 1)));
        assertEquals(Shape.of(3), Shape.broadcast("add", Shape.SCALAR, Shape.of(3)));
        assertEquals(Shape.of(2, 0), Shape.broadcast("add", Shape.of(2, 1), Shape.of(0)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Shape.broadcast("mul", Shape.of(2, 3), Shape.of(4)));
        assertEquals("mul: shapes [2, 3] and [4] do not broadcast (axis 1 of the result: 3 vs 4)", e.getMessage());
    }

    @Test
    void broadcastsToIsOneWay() {
        assertTrue(Shape.of(3, 1).broadcastsTo(Shape.of(2, 3, 4)));
        assertFalse(Shape.of(2, 3, 4).broadcastsTo(Shape.of(3, 1)));
        assertFalse(Shape.of(2).broadcastsTo(Shape.of(3)));
    }

    @Test
    void concatJoinsAxes() {
        assertEquals(Shape.of(2, 3, 4), Shape.of(2).concat(Shape.of(3, 4)));
        assertEquals(Shape.of(5), Shape.SCALAR.concat(Shape.of(5)));
    }

    @Test
    void reduceRemovesOrKeepsTheReducedAxes() {
        Shape shape = Shape.of(2, 3, 4);
        assertEquals(Shape.of(3), shape.reduce(new int[] {0, -1}, false));
        assertEquals(Shape.of(1, 3, 1), shape.reduce(new int[] {2, 0}, true));
        assertEquals(shape, shape.reduce(new int[0], false));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> shape.reduce(new int[] {1, -2}, true));
        assertEquals("reduce: axis -2 is listed twice in [1, -2] for shape [2, 3, 4]", e.getMessage());
    }

    @Test
    void rejectsNegativeExtents() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Shape.of(2, -1));
        assertTrue(e.getMessage().contains("axis 1 is negative"), e.getMessage());
    }
}
