package org.adjoint.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TensorTest {

    private static final Tensor M = Tensor.matrix(new double[][] {{1, 2, 3}, {4, 5, 6}});

    @Test
    void factoriesBuildTheExpectedShapesAndValues() {
        assertEquals(Shape.SCALAR, Tensor.scalar(2.5).shape());
        assertEquals(2.5, Tensor.scalar(2.5).item());
        assertArrayEquals(new double[] {1, 2, 3}, Tensor.vector(1, 2, 3).toArray());
        assertEquals(Shape.of(2, 3), M.shape());
        assertEquals(6.0, M.get(1, 2));
        assertEquals(Tensor.zeros(2, 2), Tensor.of(Shape.of(2, 2), new double[4]));
        assertArrayEquals(new double[] {1, 1, 1}, Tensor.ones(3).toArray());
        assertArrayEquals(new double[] {7, 7}, Tensor.full(Shape.of(2), 7).toArray());
        assertArrayEquals(new double[] {1, 0, 0, 1}, Tensor.identity(2).toArray());
        assertArrayEquals(new double[] {0, 1, 2, 3}, Tensor.arange(4).toArray());
        assertArrayEquals(new double[] {1, 1.5, 2, 2.5}, Tensor.arange(1, 3, 0.5).toArray());
        assertArrayEquals(new double[] {3, 2}, Tensor.arange(3, 1, -1).toArray());
        assertArrayEquals(new double[] {0, 0.25, 0.5, 0.75, 1}, Tensor.linspace(0, 1, 5).toArray());
    }

    @Test
    void fromNestedReadsAnyDepthAndRejectsRaggedArrays() {
        Tensor t = Tensor.fromNested(new double[][][] {{{1, 2}, {3, 4}}, {{5, 6}, {7, 8}}});
        assertEquals(Shape.of(2, 2, 2), t.shape());
        assertEquals(7.0, t.get(1, 1, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Tensor.matrix(new double[][] {{1, 2}, {3}}));
        assertTrue(e.getMessage().contains("ragged"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Tensor.fromNested(new int[] {1}));
    }

    /** Issue 17, item 25: mixed nesting threw ClassCastException, not the documented IllegalArgumentException. */
    @Test
    void fromNestedRejectsMixedNestingWithAnIllegalArgumentException() {
        Object deeperLater = new Object[] {new double[] {1, 2}, new double[][] {{3, 4}}};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tensor.fromNested(deeperLater));
        assertEquals("fromNested: mixed nesting: element [1] is a double[][] where the first element at depth 1"
                + " is a double[]", e.getMessage());
        Object notAnArray = new Object[] {new double[] {1}, "2"};
        e = assertThrows(IllegalArgumentException.class, () -> Tensor.fromNested(notAnArray));
        assertEquals("fromNested: mixed nesting: element [1] is a String where the first element at depth 1"
                + " is a double[]", e.getMessage());
        Object shallowerLater = new Object[] {new double[][] {{1}}, new double[] {2}};
        e = assertThrows(IllegalArgumentException.class, () -> Tensor.fromNested(shallowerLater));
        assertEquals("fromNested: mixed nesting: element [1] is a double[] where the first element at depth 1"
                + " is an array of arrays", e.getMessage());
        Object nullRow = new double[][] {{1}, null};
        e = assertThrows(IllegalArgumentException.class, () -> Tensor.fromNested(nullRow));
        assertEquals("fromNested: element [1] is null", e.getMessage());
    }

    @Test
    void factoriesCopyTheirInput() {
        double[] data = {1, 2};
        Tensor t = Tensor.vector(data);
        data[0] = 99;
        t.toArray()[1] = 99;
        assertArrayEquals(new double[] {1, 2}, t.toArray());
    }

    /** Issue 17, item 14: a uniform range is a value of its own, so a call does not read as five bare numbers. */
    @Test
    void uniformRangeIsAValidatedInterval() {
        assertEquals("[-1.0, 1.0)", new Interval(-1, 1).toString());
        assertEquals(2.0, new Interval(-1, 1).width());
        for (double[] bad : new double[][] {{1, 1}, {2, 1}, {0, Double.NaN}, {-Double.MAX_VALUE, Double.MAX_VALUE}}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Interval(bad[0], bad[1]));
            assertEquals("Interval: [" + bad[0] + ", " + bad[1] + ") must be finite and non-empty", e.getMessage());
        }
    }

    @Test
    void seededRandomTensorsAreReproducible() {
        assertEquals(Tensor.randomNormal(7, 3, 4), Tensor.randomNormal(7, 3, 4));
        assertNotEquals(Tensor.randomNormal(7, 3, 4), Tensor.randomNormal(8, 3, 4));
        Tensor u = Tensor.randomUniform(1, new Interval(-2, 3), 1000);
        assertTrue(u.min().item() >= -2 && u.max().item() < 3);
        assertEquals(0.5, u.mean().item(), 0.2);
        assertEquals(u, Tensor.randomUniform(new java.util.Random(1), new Interval(-2, 3), 1000));
        Tensor n = Tensor.randomNormal(3, 10_000);
        assertEquals(0, n.mean().item(), 0.05);
        assertEquals(1, n.square().mean().item(), 0.05);
    }

    @Test
    void accessIsBoundsChecked() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> M.get(2, 0));
        assertEquals("get: index [2, 0] is out of bounds for shape [2, 3] (axis 0)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> M.get(1));
        assertThrows(IllegalArgumentException.class, M::item);
    }

    @Test
    void equalityIsExactAndToleranceHelpersAreNot() {
        Tensor a = Tensor.vector(1, 2);
        assertEquals(a, Tensor.vector(1, 2));
        assertNotEquals(a, Tensor.matrix(new double[][] {{1, 2}}));
        assertNotEquals(Tensor.scalar(0.0), Tensor.scalar(-0.0));
        assertEquals(Tensor.scalar(Double.NaN), Tensor.scalar(Double.NaN));
        Tensor b = Tensor.vector(1 + 1e-12, 2);
        assertNotEquals(a, b);
        assertTrue(a.allClose(b, 1e-9, 0));
        assertFalse(a.allClose(Tensor.vector(1.1, 2), 1e-9, 1e-9));
        assertEquals(1e-12, a.maxAbsDifference(b), 1e-15);
        assertTrue(Double.isNaN(a.maxAbsDifference(Tensor.vector(Double.NaN, 2))));
    }

    @Test
    void toStringPrintsLikeNumPy() {
        assertEquals("tensor(2.5)", Tensor.scalar(2.5).toString());
        assertEquals("tensor([1., 2., 3.])", Tensor.vector(1, 2, 3).toString());
        assertEquals("tensor([[1., 2., 3.],\n        [4., 5., 6.]])", M.toString());
        assertEquals("tensor([0., 1., 2., ..., 7., 8., 9.], shape=[10])", Tensor.arange(10).toString());
        assertEquals("tensor([0.333333, -1.5e-07, NaN, -0.])", Tensor.vector(1.0 / 3, -1.5e-7, Double.NaN, -0.0).toString());
        assertEquals("tensor([], shape=[0, 3])", Tensor.zeros(0, 3).toString());
    }

    @Test
    void elementwiseBinaryOpsBroadcast() {
        Tensor column = Tensor.matrix(new double[][] {{10}, {20}});
        assertEquals(Tensor.matrix(new double[][] {{11, 12, 13}, {24, 25, 26}}), M.add(column));
        assertEquals(Tensor.matrix(new double[][] {{0, 0, 0}, {3, 3, 3}}), M.sub(Tensor.vector(1, 2, 3)));
        assertEquals(M.mul(2), M.mul(Tensor.scalar(2)));
        assertEquals(Tensor.vector(1, 4, 27), Tensor.vector(1, 2, 3).pow(Tensor.vector(1, 2, 3)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> M.add(Tensor.vector(1, 2)));
        assertEquals("add: shapes [2, 3] and [2] do not broadcast (axis 1 of the result: 3 vs 2)", e.getMessage());
    }

    @Test
    void elementwiseFunctionsAndMasks() {
        Tensor x = Tensor.vector(-2, 0, 3);
        assertEquals(Tensor.vector(0, 0, 3), x.relu());
        assertEquals(Tensor.vector(2, 0, 3), x.abs());
        assertEquals(Tensor.vector(-1, 0, 1), x.sign());
        assertEquals(Tensor.vector(-1, 0, 1), x.clamp(-1, 1));
        assertEquals(Tensor.vector(0, 0, 1), x.gt(Tensor.scalar(0)));
        assertEquals(Tensor.vector(0, 1, 1), x.ge(Tensor.scalar(0)));
        assertEquals(Tensor.vector(1, 0, 0), x.lt(Tensor.scalar(0)));
        assertEquals(Tensor.vector(1, 1, 0), x.le(Tensor.scalar(0)));
        assertEquals(Tensor.vector(0, 1, 0), x.eq(Tensor.scalar(0)));
        assertEquals(Tensor.vector(-2, 10, 3), Tensor.where(x.eq(Tensor.scalar(0)), Tensor.scalar(10), x));
        assertEquals(1.0, Tensor.scalar(800).sigmoid().item());
        assertEquals(0.0, Tensor.scalar(-800).sigmoid().item());
        assertThrows(IllegalArgumentException.class, () -> x.clamp(1, -1));
    }

    @Test
    void reductionsOverAxesWithAndWithoutKeepDims() {
        assertEquals(Tensor.scalar(21), M.sum());
        assertEquals(Tensor.vector(5, 7, 9), M.sum(0));
        assertEquals(Tensor.vector(6, 15), M.sum(-1));
        assertEquals(Tensor.matrix(new double[][] {{6}, {15}}), M.sum(new int[] {1}, true));
        assertEquals(Tensor.vector(2, 5), M.mean(1));
        assertEquals(Tensor.scalar(3.5), M.mean());
        assertEquals(Tensor.vector(3, 6), M.max(1));
        assertEquals(Tensor.vector(1, 2, 3), M.min(0));
        assertEquals(Tensor.vector(2, 2), M.argmax(1));
        assertEquals(Tensor.matrix(new double[][] {{1, 1, 1}}), M.argmax(0, true));
        assertEquals(5, M.argmax());
        assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(0).argmax());
        assertEquals(Tensor.vector(0, 0), Tensor.matrix(new double[][] {{5, 5}, {Double.NaN, 9}}).argmax(1));
        assertEquals(Tensor.scalar(0), Tensor.zeros(0).sum());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> M.sum(new int[] {1, -1}, false));
        assertTrue(e.getMessage().contains("listed twice"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(0).max());
    }

    @Test
    void sumToUndoesBroadcast() {
        Tensor big = Tensor.ones(4, 2, 3);
        assertEquals(Tensor.full(Shape.of(2, 1), 12), big.sumTo(Shape.of(2, 1)));
        assertEquals(Tensor.full(Shape.of(3), 8), big.sumTo(Shape.of(3)));
        assertEquals(Tensor.scalar(24), big.sumTo(Shape.SCALAR));
        assertThrows(IllegalArgumentException.class, () -> big.sumTo(Shape.of(5)));
    }

    @Test
    void matmulCoversMatricesAndVectors() {
        Tensor b = Tensor.matrix(new double[][] {{1, 0}, {0, 1}, {1, 1}});
        assertEquals(Tensor.matrix(new double[][] {{4, 5}, {10, 11}}), M.matmul(b));
        assertEquals(Tensor.vector(14, 32), M.matmul(Tensor.vector(1, 2, 3)));
        assertEquals(Tensor.vector(9, 12, 15), Tensor.vector(1, 2).matmul(M));
        assertEquals(Tensor.scalar(14), Tensor.vector(1, 2, 3).matmul(Tensor.vector(1, 2, 3)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Tensor.zeros(3, 4).matmul(Tensor.zeros(5, 2)));
        assertEquals("matmul: [3, 4] @ [5, 2] — inner dimensions 4 and 5 differ", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Tensor.scalar(1).matmul(M));
    }

    @Test
    void layoutOperations() {
        assertEquals(Tensor.matrix(new double[][] {{1, 4}, {2, 5}, {3, 6}}), M.transpose());
        assertEquals(Shape.of(3, 2), M.reshape(-1, 2).shape());
        assertEquals(Shape.SCALAR, Tensor.vector(5).reshape().shape());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> M.reshape(4, 2));
        assertEquals("reshape: cannot view shape [2, 3] (6 elements) as [4, 2]", e.getMessage());
        assertEquals(Tensor.matrix(new double[][] {{2, 3}, {5, 6}}), M.slice(1, 1, 3));
        assertEquals(Tensor.matrix(new double[][] {{0, 1, 2, 3, 0}, {0, 4, 5, 6, 0}}), M.pad(1, 1, 1));
        assertEquals(Tensor.vector(2, 4), M.gather(new int[] {1, 0}));
        assertEquals(Tensor.matrix(new double[][] {{4, 5, 6}, {1, 2, 3}, {4, 5, 6}}), M.take(0, new int[] {1, 0, 1}));
        assertEquals(Tensor.matrix(new double[][] {{3, 1}, {6, 4}}), M.take(-1, new int[] {2, 0}));
        assertEquals(Shape.of(0, 3), M.take(0, new int[0]).shape());
        IllegalArgumentException take = assertThrows(IllegalArgumentException.class, () -> M.take(0, new int[] {2}));
        assertEquals("take: index 2 is outside [0, 2) along axis 0 of shape [2, 3]", take.getMessage());
        assertEquals(Tensor.matrix(new double[][] {{0, 7}, {8, 0}}), Tensor.vector(7, 8).scatter(new int[] {1, 0}, 2));
        assertEquals(Tensor.matrix(new double[][] {{0, 1}, {1, 0}}), Tensor.oneHot(new int[] {1, 0}, 2));
        assertEquals(Shape.of(4, 3), Tensor.concat(0, M, M).shape());
        assertEquals(Tensor.matrix(new double[][] {{1, 2, 3, 1}, {4, 5, 6, 4}}), Tensor.concat(1, M, M.slice(1, 0, 1)));
        assertEquals(Shape.of(3, 4, 2), Tensor.zeros(2, 3, 4).permute(1, 2, 0).shape());
        assertThrows(IllegalArgumentException.class, () -> M.permute(0, 0));
        assertThrows(IllegalArgumentException.class, () -> M.slice(1, 2, 4));
        assertThrows(IllegalArgumentException.class, () -> M.gather(new int[] {3, 0}));
        assertThrows(IllegalArgumentException.class, () -> Tensor.concat(0, M, Tensor.zeros(2, 2)));
    }

    @Test
    void toIntArrayRejectsFractions() {
        assertArrayEquals(new int[] {2, 0}, Tensor.vector(2, 0).toIntArray());
        assertThrows(IllegalArgumentException.class, () -> Tensor.vector(0.5).toIntArray());
    }

    @Test
    void generateFillsEachElementFromItsRowMajorPosition() {
        assertEquals(Tensor.of(Shape.of(2, 3), new double[] {0, 0.5, 1, 1.5, 2, 2.5}),
                Tensor.generate(Shape.of(2, 3), i -> i * 0.5));
        assertEquals(Tensor.scalar(7), Tensor.generate(Shape.SCALAR, i -> 7 + i));
        assertEquals(Shape.of(0, 4), Tensor.generate(Shape.of(0, 4), i -> 1).shape());
    }
}
