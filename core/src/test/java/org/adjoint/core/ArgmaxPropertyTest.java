package org.adjoint.core;

import static org.adjoint.core.TensorAssertions.assertIdentical;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.adjoint.verify.Gen;
import org.adjoint.verify.Pair;
import org.adjoint.verify.Property;
import org.adjoint.verify.TensorGens;
import org.junit.jupiter.api.Test;

/**
 * {@code argmax} in all three forms against a reference that reads each fiber with {@code get} and
 * returns the index of its first NaN if it has one (NaN counts as the largest, as in NumPy), else
 * the index of the first element equal to its largest. The elements are few distinct whole numbers,
 * so that ties are common, and now and then a NaN.
 */
class ArgmaxPropertyTest {

    private static final Gen<Double> TIES_AND_NANS = Gen.integers(-2, 3).map(i -> i == 3 ? Double.NaN : i);

    @Test
    void argmaxIsTheFirstNaNOrElseTheFirstLargest() {
        Gen<Pair<Tensor, Integer>> tensorsAndAxes = CoreGens.shapesSometimesEmpty(TensorGens.shapesOfRank(1, 4, 4))
                .flatMap(shape -> Gen.zip(TensorGens.tensorOf(shape, TIES_AND_NANS), CoreGens.axes(shape.rank())));
        Property.forAll(tensorsAndAxes).check(xAndAxis -> {
            Tensor x = xAndAxis.first();
            int axis = xAndAxis.second();
            if (x.shape().dim(axis) == 0) {
                assertThrows(IllegalArgumentException.class, () -> x.argmax(axis));
                assertThrows(IllegalArgumentException.class, () -> x.argmax(axis, true));
            } else {
                Tensor expected = reference(x, MultiIndex.normalize(axis, x.rank()));
                assertIdentical(expected, x.argmax(axis), "argmax(axis)");
                Shape kept = MultiIndex.withOnes(x.shape(), MultiIndex.axisMask(x.rank(), axis));
                assertIdentical(Tensor.of(kept, expected.toArray()), x.argmax(axis, true), "argmax(axis, true)");
            }
            if (x.size() == 0) {
                assertThrows(IllegalArgumentException.class, x::argmax);
            } else {
                assertEquals(firstNaNOrFirstLargest(x.toArray()), x.argmax(), "argmax()");
            }
        });
    }

    /** Regression: argmax divided by its axis's stride, which is 0 when a later axis is empty. */
    @Test
    void argmaxAlongAnAxisBeforeAnEmptyOneIsEmpty() {
        assertEquals(Tensor.zeros(0), Tensor.zeros(1, 0).argmax(0));
        assertEquals(Tensor.zeros(3, 0), Tensor.zeros(3, 2, 0).argmax(1));
    }

    /** The argmax of each fiber along {@code axis}, which must not be empty. */
    private static Tensor reference(Tensor x, int axis) {
        int n = x.shape().dim(axis);
        Shape shape = MultiIndex.without(x.shape(), MultiIndex.axisMask(x.rank(), axis));
        return MultiIndex.tabulate(shape, out -> {
            double[] fiber = new double[n];
            for (int k = 0; k < n; k++) {
                fiber[k] = x.get(withCoordinate(out, axis, k));
            }
            return firstNaNOrFirstLargest(fiber);
        });
    }

    private static int firstNaNOrFirstLargest(double[] values) {
        for (int k = 0; k < values.length; k++) {
            if (Double.isNaN(values[k])) {
                return k;
            }
        }
        double largest = Arrays.stream(values).max().orElseThrow();
        int k = 0;
        while (values[k] != largest) {
            k++;
        }
        return k;
    }

    /** {@code index} with {@code value} inserted as coordinate number {@code axis}. */
    private static int[] withCoordinate(int[] index, int axis, int value) {
        int[] full = new int[index.length + 1];
        for (int d = 0, from = 0; d < full.length; d++) {
            full[d] = d == axis ? value : index[from++];
        }
        return full;
    }
}
