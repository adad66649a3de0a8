package org.adjoint.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;

/**
 * Assertions that compare a kernel's result with a reference, naming the first index where they
 * part, so that a falsified property says what went wrong and where.
 */
final class TensorAssertions {

    /** The gap between 1 and the next double: twice the unit roundoff of one rounded operation. */
    static final double EPS = Math.ulp(1.0);

    private TensorAssertions() {
    }

    /**
     * Equal shapes and bit-identical elements, as {@link Tensor#equals} defines them (NaN matches
     * NaN; 0.0 and −0.0 differ). For kernels that do the reference's arithmetic in the same order.
     */
    static void assertIdentical(Tensor expected, Tensor actual, String what) {
        assertEquals(expected.shape(), actual.shape(), what + ": shape");
        double[] e = expected.toArray();
        double[] a = actual.toArray();
        for (int i = 0; i < e.length; i++) {
            if (Double.compare(e[i], a[i]) != 0) {
                fail(what + ": at index " + indexText(expected.shape(), i) + " expected " + e[i] + " but was " + a[i]);
            }
        }
    }

    /**
     * Equal shapes and {@code |expected − actual| ≤ tolerance} elementwise, for kernels that may
     * round differently from the reference; elements that are bit-identical (such as two NaNs) pass.
     */
    static void assertWithin(Tensor expected, Tensor actual, Tensor tolerance, String what) {
        assertEquals(expected.shape(), actual.shape(), what + ": shape");
        double[] e = expected.toArray();
        double[] a = actual.toArray();
        double[] tol = tolerance.toArray();
        for (int i = 0; i < e.length; i++) {
            if (Double.compare(e[i], a[i]) != 0 && !(Math.abs(e[i] - a[i]) <= tol[i])) {
                fail(what + ": at index " + indexText(expected.shape(), i) + " expected " + e[i] + " but was " + a[i]
                        + " (difference " + Math.abs(e[i] - a[i]) + ", tolerance " + tol[i] + ")");
            }
        }
    }

    /**
     * The defining identity of an adjoint pair of linear maps L and Lᵀ: {@code ⟨L x, y⟩ = ⟨x, Lᵀ y⟩}.
     * Both sides are sums of the same products of inputs, in different orders and groupings; each of
     * the at most {@code n} rounded additions on either side errs by at most {@code EPS/2} of the sum
     * of the magnitudes, which bounds the tolerance.
     */
    static void assertAdjoint(Tensor x, Tensor lOfX, Tensor y, Tensor lTransposeOfY, String what) {
        double left = dot(lOfX, y);
        double right = dot(x, lTransposeOfY);
        double magnitude = absDot(lOfX, y) + absDot(x, lTransposeOfY);
        double tolerance = (lOfX.size() + x.size() + 2) * EPS * magnitude;
        if (!(Math.abs(left - right) <= tolerance)) {
            fail(what + ": ⟨L x, y⟩ = " + left + " but ⟨x, Lᵀ y⟩ = " + right
                    + " (difference " + Math.abs(left - right) + ", tolerance " + tolerance + ")");
        }
    }

    /** The inner product of two tensors of one shape, summed left to right in row-major order. */
    static double dot(Tensor a, Tensor b) {
        assertEquals(a.shape(), b.shape(), "dot: shapes");
        double[] x = a.toArray();
        double[] y = b.toArray();
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += x[i] * y[i];
        }
        return sum;
    }

    private static double absDot(Tensor a, Tensor b) {
        double[] x = a.toArray();
        double[] y = b.toArray();
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += Math.abs(x[i] * y[i]);
        }
        return sum;
    }

    private static String indexText(Shape shape, int flat) {
        return Arrays.toString(MultiIndex.all(shape)[flat]);
    }
}
