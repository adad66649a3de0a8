package org.adjoint.core;

import static org.adjoint.core.TensorAssertions.assertIdentical;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.adjoint.verify.Gen;
import org.adjoint.verify.Property;
import org.adjoint.verify.TensorGens;
import org.junit.jupiter.api.Test;

/**
 * Each fused kernel is bit-for-bit the chain of tensor operations it replaces, on random tensors
 * that include NaN, infinities and signed zeros (so that those propagate the same way too).
 */
class FusedPropertyTest {

    private static final Gen<Shape> SHAPES = TensorGens.shapes(3, 5);

    /** Three tensors of one shape: the first with special values, the others plain or special. */
    private static final Gen<List<Tensor>> TRIPLES = SHAPES.flatMap(shape -> Gen.zip(
            TensorGens.tensorOf(shape, CoreGens.SPECIAL_OR_REAL), TensorGens.tensorOf(shape, CoreGens.SPECIAL_OR_REAL),
            TensorGens.tensorOf(shape, Gen.oneOf(Gen.doubles(0, 100), CoreGens.SPECIAL_OR_REAL)))
            .map(t -> List.of(t.first(), t.second(), t.third())));

    private static final Gen<Double> RATES = Gen.oneOf(Gen.doubles(0, 1), Gen.elements(0.0, 0.9, 0.999));

    @Test
    void movingAverageIsTheTensorChain() {
        Property.forAll(TRIPLES, RATES).check((t, beta) -> assertIdentical(t.get(0).mul(beta).add(t.get(1).mul(1 - beta)),
                Fused.movingAverage(t.get(0), beta, t.get(1)), "movingAverage, beta = " + beta));
    }

    @Test
    void movingAverageOfSquaresIsTheTensorChain() {
        Property.forAll(TRIPLES, RATES).check((t, beta) -> assertIdentical(t.get(0).mul(beta).add(t.get(1).mul(t.get(1)).mul(1 - beta)),
                Fused.movingAverageOfSquares(t.get(0), beta, t.get(1)), "movingAverageOfSquares, beta = " + beta));
    }

    @Test
    void rootRatioStepIsTheTensorChain() {
        Gen<List<Double>> constants = Gen.zip(Gen.doubles(0.01, 1), Gen.elements(1e-8, 1e-10, 0.1), Gen.doubles(1e-4, 1))
                .map(c -> List.of(c.first(), c.second(), c.third()));
        Property.forAll(TRIPLES, constants).check((t, k) -> {
            Tensor expected = t.get(0).sub(t.get(1).div(t.get(2).sqrt().div(k.get(0)).add(k.get(1))).mul(k.get(2)));
            assertIdentical(expected, Fused.rootRatioStep(t.get(0), t.get(1), t.get(2), k.get(0), k.get(1), k.get(2)), "rootRatioStep");
        });
    }

    @Test
    void mulPositiveMaskIsTheMaskChain() {
        Property.forAll(TRIPLES).check(t -> assertIdentical(t.get(0).mul(t.get(1).positiveMask()),
                t.get(0).mulPositiveMask(t.get(1)), "mulPositiveMask"));
    }

    @Test
    void mulPositiveMaskBroadcastsAsMul() {
        Property.forAll(CoreGens.broadcastPairs(3, 4).flatMap(pair -> Gen.zip(
                TensorGens.tensorOf(pair.left(), CoreGens.SPECIAL_OR_REAL),
                TensorGens.tensorOf(pair.right(), CoreGens.SPECIAL_OR_REAL), (Tensor u, Tensor x) -> List.of(u, x))))
                .check(t -> assertIdentical(t.get(0).mul(t.get(1).positiveMask()), t.get(0).mulPositiveMask(t.get(1)),
                        "mulPositiveMask"));
    }

    @Test
    void operandsOfDifferentShapesAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Fused.movingAverage(Tensor.zeros(2, 3), 0.9, Tensor.zeros(3)));
        assertEquals("movingAverage: shapes [2, 3] and [3] differ (fused kernels do not broadcast)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Fused.rootRatioStep(Tensor.zeros(2), Tensor.zeros(2), Tensor.zeros(1), 1, 1e-8, 0.1));
        assertEquals("rootRatioStep: shapes [2] and [1] differ (fused kernels do not broadcast)", e.getMessage());
    }
}
