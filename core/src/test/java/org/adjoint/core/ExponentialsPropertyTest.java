package org.adjoint.core;

import static org.adjoint.core.TensorAssertions.assertIdentical;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.adjoint.verify.Gen;
import org.adjoint.verify.Property;
import org.adjoint.verify.TensorGens;
import org.junit.jupiter.api.Test;

/**
 * Log-sum-exp and the softmaxes: the row-wise kernel gives the same bits as the general path built
 * from reductions, the results are what the formulas say, and nothing overflows.
 */
class ExponentialsPropertyTest {

    /** Elements from small to huge, where a naive exp would overflow, with infinities now and then. */
    private static final Gen<Double> SCORES = Gen.oneOf(Gen.doubles(-30, 30), Gen.doubles(-1000, 1000),
            Gen.elements(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, 0.0));

    private static final Gen<Tensor> TENSORS = TensorGens.tensors(TensorGens.shapesOfRank(1, 3, 5), SCORES);

    @Test
    void logSumExpIsTheShiftedFormulaBitForBit() {
        Gen<Object[]> cases = TENSORS.flatMap(x -> CoreGens.axisSubsets(x.rank()).map(axes -> new Object[] {x, axes}));
        Property.forAll(cases.map(Arrays::asList)).check(c -> {
            Tensor x = (Tensor) c.get(0);
            int[] axes = (int[]) c.get(1);
            Property.assume(hasNoEmptyReducedAxis(x, axes));
            // x − m, read as 0 where x = m (also when both are infinite: the documented limit).
            Tensor shift = x.max(axes, true);
            Tensor shifted = x.zip(shift, (v, m) -> v == m ? 0 : v - m).exp();
            Tensor expected = shifted.sum(axes, true).log().add(shift);
            Tensor softmax = shifted.div(shifted.sum(axes, true));
            assertIdentical(expected, x.logSumExp(axes, true), "logSumExp over " + Arrays.toString(axes));
            assertIdentical(expected.reshape(x.shape().reduce(axes, false).dims()), x.logSumExp(axes, false),
                    "logSumExp over " + Arrays.toString(axes) + " without kept axes");
            assertIdentical(softmax, x.softmax(axes), "softmax over " + Arrays.toString(axes));
            if (axes.length == 1) {
                assertIdentical(softmax, x.softmax(axes[0]), "softmax along " + axes[0]);
                Tensor infiniteShift = shift.map(m -> Double.isInfinite(m) ? 1 : 0);
                assertIdentical(Tensor.where(infiniteShift, softmax.log(), x.sub(expected)), x.logSoftmax(axes[0]),
                        "logSoftmax along " + axes[0]);
            }
        });
    }

    @Test
    void softmaxRowsArePositiveAndSumToOneAndLogSoftmaxIsItsLog() {
        Gen<Tensor> finite = TensorGens.tensors(TensorGens.shapesOfRank(1, 3, 5), Gen.doubles(-1000, 1000));
        Property.forAll(finite, Gen.integers(0, 2)).check((x, a) -> {
            int axis = a % x.rank();
            Tensor p = x.softmax(axis);
            Tensor logP = x.logSoftmax(axis);
            assertTrue(p.min().item() >= 0 && logP.max().item() <= 0, () -> "softmax " + p + ", logSoftmax " + logP);
            Tensor sums = p.sum(new int[] {axis}, false);
            assertTrue(sums.add(-1).abs().max().item() < 1e-12 * x.shape().dim(axis), () -> "row sums " + sums);
            assertTrue(logP.exp().allClose(p, 1e-12, 1e-300), "softmax = exp(logSoftmax), up to subnormal rounding");
            // Shift invariance: adding a constant to every score changes nothing (up to rounding).
            assertTrue(x.add(123.5).logSoftmax(axis).allClose(logP, 1e-12, 1e-9), "shift invariance");
            assertTrue(x.add(123.5).softmax(axis).allClose(p, 1e-12, 1e-15), "shift invariance of softmax");
        });
    }

    @Test
    void rowsOfMinusInfinityGiveMinusInfinityAndHugeScoresDoNotOverflow() {
        Tensor x = Tensor.matrix(new double[][] {{Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY}, {1000, 1000}});
        assertEquals(Tensor.vector(Double.NEGATIVE_INFINITY, 1000 + Math.log(2)), x.logSumExp(new int[] {1}, false));
        assertEquals(Tensor.vector(0.5, 0.5), x.softmax(1).slice(0, 1, 2).reshape(2));
    }

    @Test
    void softmaxMinusOneHotIsTheThreeStepsBitForBit() {
        Gen<Tensor> scores = TensorGens.tensors(TensorGens.shapesOfRank(2, 2, 6), SCORES);
        Property.forAll(scores, Gen.integers(0, 1_000_000), Gen.doubles(-3, 3)).check((x, seed, scale) -> {
            Property.assume(x.shape().dim(1) > 0);
            int classes = x.shape().dim(1);
            int[] labels = new int[x.shape().dim(0)];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = (seed + 7 * i) % classes;
            }
            Tensor expected = x.softmax(1).sub(Tensor.oneHot(labels, classes)).mul(Tensor.scalar(scale));
            assertIdentical(expected, x.softmaxMinusOneHot(labels, scale), "softmaxMinusOneHot, scale " + scale);
        });
    }

    @Test
    void softmaxMinusOneHotReportsBadLabelsAndShapes() {
        Tensor x = Tensor.zeros(2, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> x.softmaxMinusOneHot(new int[] {0, 3}, 1));
        assertEquals("softmaxMinusOneHot: label 3 of row 1 is outside [0, 3)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> x.softmaxMinusOneHot(new int[] {0}, 1));
        assertEquals("softmaxMinusOneHot: 1 labels for 2 rows of scores", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Tensor.zeros(3).softmaxMinusOneHot(new int[] {0, 0, 0}, 1));
        assertTrue(e.getMessage().startsWith("softmaxMinusOneHot: the scores must be a matrix"), e.getMessage());
    }

    @Test
    void badAxesAreReported() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(2, 3).logSoftmax(2));
        assertTrue(e.getMessage().startsWith("logSoftmax: "), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(2, 3).logSumExp(new int[] {0, 0}, true));
        assertTrue(e.getMessage().startsWith("logSumExp: axis 0 is listed twice"), e.getMessage());
    }

    private static boolean hasNoEmptyReducedAxis(Tensor x, int[] axes) {
        for (int axis : axes) {
            if (x.shape().dim(axis) == 0) {
                return false;
            }
        }
        return true;
    }
}
