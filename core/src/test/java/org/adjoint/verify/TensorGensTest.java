package org.adjoint.verify;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.adjoint.core.Shape;
import org.adjoint.core.Tensor;
import org.junit.jupiter.api.Test;

/** The shape and tensor generators: within their limits, varied, and simplest at a scalar. */
class TensorGensTest {

    private static void assertExtentsWithin(Shape shape, int maxDim) {
        for (int d : shape.dims()) {
            assertTrue(1 <= d && d <= maxDim, "extent " + d + " of " + shape + " not in [1, " + maxDim + "]");
        }
    }

    @Test
    void shapesStayWithinTheirLimits() {
        Property.forAll(TensorGens.shapes(3, 4)).check(shape -> {
            assertTrue(shape.rank() <= 3, "rank of " + shape);
            assertExtentsWithin(shape, 4);
        });
        Property.forAll(TensorGens.shapesOfRank(2, 4, 2)).check(shape -> {
            assertTrue(2 <= shape.rank() && shape.rank() <= 4, "rank of " + shape);
            assertExtentsWithin(shape, 2);
        });
    }

    @Test
    void shapesReachEveryRankAndExtent() {
        Set<Integer> ranks = new HashSet<>();
        Set<Integer> extents = new HashSet<>();
        Property.forAll(TensorGens.shapes(3, 4)).tries(200).check(shape -> {
            ranks.add(shape.rank());
            for (int d : shape.dims()) {
                extents.add(d);
            }
        });
        assertEquals(Set.of(0, 1, 2, 3), ranks);
        assertEquals(Set.of(1, 2, 3, 4), extents);
    }

    @Test
    void shapesAreSimplestAsScalarsOrAllOnes() {
        assertEquals(Shape.SCALAR, TensorGens.shapes(3, 4).generate(Source.replay()));
        assertEquals(Shape.of(1, 1), TensorGens.shapesOfRank(2, 3, 4).generate(Source.replay()));
    }

    @Test
    void broadcastPairsAlwaysBroadcast() {
        Property.forAll(TensorGens.broadcastPairs(4, 3)).check(pair -> {
            Shape result = assertDoesNotThrow(() -> Shape.broadcast("test", pair.left(), pair.right()));
            assertEquals(result, pair.result());
            assertTrue(pair.left().broadcastsTo(result) && pair.right().broadcastsTo(result), pair.toString());
            assertTrue(result.rank() <= 4, "rank of " + result);
            assertExtentsWithin(result, 3);
        });
    }

    @Test
    void broadcastPairsCoverEveryKindOfPair() {
        Set<String> kinds = new HashSet<>();
        Property.forAll(TensorGens.broadcastPairs(3, 4)).tries(200).check(pair -> kinds.addAll(kindsOf(pair)));
        assertEquals(Set.of("identical", "different ranks", "left scalar", "right scalar",
                "left stretched", "right stretched"), kinds);
    }

    /** The features of a pair that broadcasting code must handle. */
    private static Set<String> kindsOf(BroadcastPair pair) {
        Shape left = pair.left();
        Shape right = pair.right();
        Set<String> kinds = new HashSet<>();
        if (left.equals(right)) {
            kinds.add("identical");
        }
        if (left.rank() != right.rank()) {
            kinds.add("different ranks");
        }
        if (left.rank() == 0 && right.rank() > 0) {
            kinds.add("left scalar");
        }
        if (right.rank() == 0 && left.rank() > 0) {
            kinds.add("right scalar");
        }
        for (int i = 1; i <= Math.min(left.rank(), right.rank()); i++) {
            int l = left.dim(-i);
            int r = right.dim(-i);
            if (l == 1 && r > 1) {
                kinds.add("left stretched");
            }
            if (r == 1 && l > 1) {
                kinds.add("right stretched");
            }
        }
        return kinds;
    }

    @Test
    void tensorsHaveTheGeneratedShapeAndElementsInRange() {
        Gen<Tensor> tensors = TensorGens.tensors(TensorGens.shapes(3, 3), Gen.doubles(-2, 5));
        Property.forAll(tensors).check(t -> {
            assertTrue(t.rank() <= 3, "rank of " + t.shape());
            assertExtentsWithin(t.shape(), 3);
            for (double x : t.toArray()) {
                assertTrue(-2 <= x && x <= 5, "element " + x);
            }
        });
    }

    @Test
    void tensorOfKeepsItsShapeAndIsSimplestAtZero() {
        Shape shape = Shape.of(2, 3);
        Gen<Tensor> gen = TensorGens.tensorOf(shape, Gen.doubles(-1, 1));
        Property.forAll(gen).check(t -> assertEquals(shape, t.shape()));
        assertEquals(Tensor.zeros(shape), gen.generate(Source.replay()));
    }
}
