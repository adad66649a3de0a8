package org.adjoint.core;

import static org.adjoint.core.TensorAssertions.EPS;
import static org.adjoint.core.TensorAssertions.assertIdentical;
import static org.adjoint.core.TensorAssertions.assertWithin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.function.DoubleBinaryOperator;
import org.adjoint.verify.Gen;
import org.adjoint.verify.Pair;
import org.adjoint.verify.Property;
import org.adjoint.verify.TensorGens;
import org.junit.jupiter.api.Test;

/**
 * Sums, means and extrema over any set of axes, against a reference that, for each output element,
 * folds every input element whose coordinates on the kept axes equal the output's. Extrema must
 * match exactly. Sums may be added in another order (the kernel uses several accumulators), so they
 * must match within twice the rounding bound of n additions, {@code (n + 1)·EPS·Σ|xᵢ|} over the
 * elements summed.
 */
class ReductionPropertyTest {

    /** A tensor, the axes to reduce and whether to keep them. */
    record Reduction(Tensor x, int[] axes, boolean keepDims) {
        @Override
        public String toString() {
            return "x of shape " + x.shape() + " = " + Arrays.toString(x.toArray()) + ", reduced over axes "
                    + Arrays.toString(axes) + (keepDims ? ", kept" : ", dropped");
        }
    }

    /** A mean over empty axes would be 0/0: that throws, unless the result itself is empty. */
    @Test
    void sumAndMeanOverAnyAxesMatchTheReferenceWithinRounding() {
        Property.forAll(reductions(CoreGens.ELEMENTS)).check(r -> {
            assertSum(r.x(), r.axes(), r.keepDims(), r.x().sum(r.axes(), r.keepDims()));
            if (r.x().size() == 0 && r.x().shape().reduce(r.axes(), true).size() > 0) {
                assertThrows(IllegalArgumentException.class, () -> r.x().mean(r.axes(), r.keepDims()));
            } else {
                assertMean(r.x(), r.axes(), r.keepDims(), r.x().mean(r.axes(), r.keepDims()));
            }
        });
    }

    /** Over an empty axis there is nothing to take the largest of, so that alone must throw. */
    @Test
    void maxAndMinOverAnyAxesMatchTheReferenceExactly() {
        Property.forAll(reductions(CoreGens.ELEMENTS)).check(r -> {
            if (reducesAnEmptyAxis(r)) {
                assertThrows(IllegalArgumentException.class, () -> r.x().max(r.axes(), r.keepDims()));
                assertThrows(IllegalArgumentException.class, () -> r.x().min(r.axes(), r.keepDims()));
            } else {
                assertMax(r.x(), r.axes(), r.keepDims(), r.x().max(r.axes(), r.keepDims()));
                assertMin(r.x(), r.axes(), r.keepDims(), r.x().min(r.axes(), r.keepDims()));
            }
        });
    }

    /**
     * NaN wins every extremum, as in {@link Tensor#maximum}; infinities and NaNs make a sum infinite
     * or NaN whatever the order of the additions.
     */
    @Test
    void reductionsOfInfinitiesAndNaNsMatchTheReference() {
        Property.forAll(reductions(CoreGens.SPECIAL_OR_REAL)).check(r -> {
            assertSum(r.x(), r.axes(), r.keepDims(), r.x().sum(r.axes(), r.keepDims()));
            if (!reducesAnEmptyAxis(r)) {
                assertMax(r.x(), r.axes(), r.keepDims(), r.x().max(r.axes(), r.keepDims()));
                assertMin(r.x(), r.axes(), r.keepDims(), r.x().min(r.axes(), r.keepDims()));
            }
        });
    }

    /** {@code sum()} and {@code sum(axis)}, and likewise for the others: all axes, or one axis, dropped. */
    @Test
    void wholeTensorAndSingleAxisOverloadsMatchTheReference() {
        Gen<Pair<Tensor, Integer>> tensorsAndAxes = TensorGens.shapesOfRank(0, 4, 4).flatMap(shape ->
                Gen.zip(CoreGens.tensorOf(shape), shape.rank() == 0 ? Gen.constant(0) : CoreGens.axes(shape.rank())));
        Property.forAll(tensorsAndAxes).check(xAndAxis -> {
            Tensor x = xAndAxis.first();
            int[] all = new int[x.rank()];
            Arrays.setAll(all, i -> i);
            assertSum(x, all, false, x.sum());
            assertMean(x, all, false, x.mean());
            assertMax(x, all, false, x.max());
            assertMin(x, all, false, x.min());
            if (x.rank() > 0) {
                int axis = xAndAxis.second();
                int[] one = {axis};
                assertSum(x, one, false, x.sum(axis));
                assertMean(x, one, false, x.mean(axis));
                assertMax(x, one, false, x.max(axis));
                assertMin(x, one, false, x.min(axis));
            }
        });
    }

    /** Regression: any empty tensor made max and min throw, though only an empty reduced axis lacks an identity. */
    @Test
    void extremaOverNonEmptyAxesOfAnEmptyTensorAreEmpty() {
        Tensor empty = Tensor.zeros(2, 0, 3);
        assertEquals(Tensor.zeros(2, 0), empty.max(2));
        assertEquals(Tensor.zeros(2, 0, 1), empty.min(new int[] {-1}, true));
        assertEquals(Tensor.zeros(0), Tensor.zeros(0).max(new int[0], false));
        assertThrows(IllegalArgumentException.class, () -> empty.max(1));
        assertThrows(IllegalArgumentException.class, empty::min);
    }

    /** Tensors, now and then empty, of elements from {@code elements}, with any set of axes in any order. */
    private static Gen<Reduction> reductions(Gen<Double> elements) {
        return CoreGens.shapesSometimesEmpty(4, 4).flatMap(shape -> {
            Gen<Tensor> xs = TensorGens.tensorOf(shape, elements);
            Gen<int[]> axes = CoreGens.axisSubsets(shape.rank());
            return source -> new Reduction(xs.generate(source), axes.generate(source), Gen.booleans().generate(source));
        });
    }

    private static void assertSum(Tensor x, int[] axes, boolean keepDims, Tensor actual) {
        Tensor magnitude = reference(x.abs(), axes, keepDims, 0, Double::sum);
        int count = reducedCount(x.shape(), axes);
        assertWithin(reference(x, axes, keepDims, 0, Double::sum), actual, magnitude.mul((count + 1) * EPS), "sum");
    }

    /** The sum's bound divided by the count, plus a few roundings of the mean itself. */
    private static void assertMean(Tensor x, int[] axes, boolean keepDims, Tensor actual) {
        Tensor magnitude = reference(x.abs(), axes, keepDims, 0, Double::sum);
        int count = reducedCount(x.shape(), axes);
        Tensor expected = reference(x, axes, keepDims, 0, Double::sum).div(count);
        assertWithin(expected, actual, magnitude.mul((count + 3) * EPS / count), "mean");
    }

    private static void assertMax(Tensor x, int[] axes, boolean keepDims, Tensor actual) {
        assertIdentical(reference(x, axes, keepDims, Double.NEGATIVE_INFINITY, Math::max), actual, "max");
    }

    private static void assertMin(Tensor x, int[] axes, boolean keepDims, Tensor actual) {
        assertIdentical(reference(x, axes, keepDims, Double.POSITIVE_INFINITY, Math::min), actual, "min");
    }

    /**
     * For each output index, {@code combine} folded over the elements of x that agree with it on the
     * kept axes: each element of x, visited in row-major order, is folded into the output element at
     * its own index with the reduced coordinates set to 0.
     */
    private static Tensor reference(Tensor x, int[] axes, boolean keepDims, double identity,
                                    DoubleBinaryOperator combine) {
        boolean[] reduced = MultiIndex.axisMask(x.rank(), axes);
        Shape kept = MultiIndex.withOnes(x.shape(), reduced);
        double[] out = new double[kept.size()];
        Arrays.fill(out, identity);
        for (int[] in : MultiIndex.all(x.shape())) {
            int[] target = in.clone();
            for (int d = 0; d < target.length; d++) {
                target[d] = reduced[d] ? 0 : target[d];
            }
            int o = MultiIndex.flat(target, kept);
            out[o] = combine.applyAsDouble(out[o], x.get(in));
        }
        return Tensor.of(keepDims ? kept : MultiIndex.without(x.shape(), reduced), out);
    }

    /** How many elements each output element of the reduction combines. */
    private static int reducedCount(Shape shape, int[] axes) {
        int count = 1;
        for (int axis : axes) {
            count *= shape.dim(axis);
        }
        return count;
    }

    private static boolean reducesAnEmptyAxis(Reduction r) {
        return Arrays.stream(r.axes()).anyMatch(axis -> r.x().shape().dim(axis) == 0);
    }
}
