package org.adjoint.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.adjoint.core.LinearAlgebra;
import org.adjoint.core.Tensor;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.junit.jupiter.api.Test;

/**
 * The domain generators of issue 19: positive values, values away from kinks, integers, tensor pairs
 * that broadcast, well-conditioned and SPD matrices. Each stays in its domain, reaches all of it, and
 * shrinks to its simplest value.
 */
class DomainGensTest {

    @Test
    void positiveValuesStayInRangeAndShrinkToOne() {
        Property.forAll(TensorGens.positive(1e-3, 10)).check(x -> assertTrue(1e-3 <= x && x <= 10, "x = " + x));
        assertEquals(1.0, TensorGens.positive(1e-3, 10).generate(Source.replay()));
        assertEquals(2.5, TensorGens.positive(2.5, 2.75).generate(Source.replay()));
        assertThrows(IllegalArgumentException.class, () -> TensorGens.positive(0, 1));
        assertThrows(IllegalArgumentException.class, () -> TensorGens.positive(Double.NaN, 1));
    }

    @Test
    void valuesAwayFromKinksKeepTheGapAndReachEveryInterval() {
        double[] kinks = {1, 0, -1};
        Set<Long> intervals = new HashSet<>();
        Property.forAll(TensorGens.awayFromKinks(-2, 2, 0.1, kinks)).check(x -> {
            assertTrue(-2 <= x && x <= 2, "x = " + x);
            for (double kink : kinks) {
                assertTrue(Math.abs(x - kink) >= 0.1, x + " is within 0.1 of " + kink);
            }
            intervals.add(Math.min(1, Math.round(Math.floor(x))));
        });
        assertEquals(Set.of(-2L, -1L, 0L, 1L), intervals);
        double simplest = TensorGens.awayFromKinks(-2, 2, 0.1, kinks).generate(Source.replay());
        assertTrue(simplest >= 0.1 && simplest < 0.1 + 1e-15, "simplest " + simplest);
    }

    @Test
    void valuesAwayFromKinksShrinkToTheSimplestFailingInterval() {
        // Intervals by simplicity: [0.1, 0.9], [-0.9, -0.1], [1.1, 2], [-2, -1.1]; x < 0 fails first on
        // the second, at its simplest value -0.1.
        PropertyFailure failure = assertThrows(PropertyFailure.class, () ->
                Property.forAll(TensorGens.awayFromKinks(-2, 2, 0.1, -1, 0, 1)).check(x -> assertTrue(x >= 0)));
        double shrunk = (Double) failure.shrunkValue();
        assertTrue(shrunk <= -0.1 && shrunk > -0.1 - 1e-15, "shrunk to " + shrunk);
    }

    @Test
    void awayFromKinksRefusesAnEmptyDomainNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TensorGens.awayFromKinks(-1, 1, 1, -0.5, 0.5));
        assertTrue(e.getMessage().contains("[-0.5, 0.5]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TensorGens.awayFromKinks(-1, 1, 0.1));
        assertThrows(IllegalArgumentException.class, () -> TensorGens.awayFromKinks(-1, 1, 0.1, Double.NaN));
    }

    @Test
    void integersAreWholeNumbersInRange() {
        Property.forAll(TensorGens.integers(-3, 5)).check(x -> assertTrue(x == Math.rint(x) && -3 <= x && x <= 5));
        assertEquals(0.0, TensorGens.integers(-3, 5).generate(Source.replay()));
    }

    @Test
    void broadcastTensorPairsBroadcast() {
        Property.forAll(TensorGens.broadcastTensorPairs(3, 3, Gen.doubles(-1, 1))).check(pair -> {
            Tensor sum = pair.first().add(pair.second());
            assertEquals(new BroadcastPair(pair.first().shape(), pair.second().shape()).result(), sum.shape());
        });
    }

    @Test
    void wellConditionedMatricesHaveTheirConditionBounded() {
        Set<Integer> sizes = new HashSet<>();
        Property.forAll(TensorGens.wellConditioned(4, 100)).check(a -> {
            int n = a.shape().dims()[0];
            sizes.add(n);
            assertEquals(n, a.shape().dims()[1]);
            double condition = new SingularValueDecomposition(new Array2DRowRealMatrix(rows(a))).getConditionNumber();
            assertTrue(condition <= 100 * (1 + 1e-12), "condition " + condition + " of " + a);
        });
        assertEquals(Set.of(1, 2, 3, 4), sizes);
        assertEquals(Tensor.identity(1), TensorGens.wellConditioned(4, 100).generate(Source.replay()));
    }

    @Test
    void spdMatricesAreSymmetricWithEigenvaluesInRange() {
        Property.forAll(TensorGens.spd(4, 50)).check(a -> {
            assertEquals(a.transpose(), a, "exactly symmetric");
            assertTrue(LinearAlgebra.cholesky(a).isPresent(), "Cholesky of " + a);
            for (double lambda : LinearAlgebra.symmetricEigen(a).values().toArray()) {
                assertTrue(1 - 1e-12 <= lambda && lambda <= 50 * (1 + 1e-12), "eigenvalue " + lambda + " of " + a);
            }
        });
    }

    @Test
    void matricesShrinkToTheIdentityOfTheSmallestFailingSize() {
        PropertyFailure failure = assertThrows(PropertyFailure.class, () ->
                Property.forAll(TensorGens.spd(5, 10)).check(a -> assertTrue(a.shape().dims()[0] < 3)));
        assertEquals(Tensor.identity(3), failure.shrunkValue());
        PropertyFailure general = assertThrows(PropertyFailure.class, () ->
                Property.forAll(TensorGens.wellConditioned(5, 10)).check(a -> assertTrue(a.shape().dims()[0] < 2)));
        assertEquals(Tensor.identity(2), general.shrunkValue());
    }

    @Test
    void matrixGeneratorsRefuseBadLimits() {
        assertThrows(IllegalArgumentException.class, () -> TensorGens.spd(0, 10));
        assertThrows(IllegalArgumentException.class, () -> TensorGens.wellConditioned(3, 0.5));
        assertThrows(IllegalArgumentException.class, () -> TensorGens.spd(3, Double.POSITIVE_INFINITY));
    }

    private static double[][] rows(Tensor a) {
        int n = a.shape().dims()[0];
        double[] data = a.toArray();
        double[][] rows = new double[n][n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(data, i * n, rows[i], 0, n);
        }
        return rows;
    }
}
