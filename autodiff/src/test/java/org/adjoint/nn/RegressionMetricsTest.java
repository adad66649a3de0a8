package org.adjoint.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.adjoint.core.Tensor;
import org.adjoint.verify.Gen;
import org.adjoint.verify.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** MAE, MSE and R²: scikit-learn's documented examples, the special cases, and identities. */
class RegressionMetricsTest {

    @Test
    void scikitLearnsVectorExample() {
        Tensor y = Tensor.vector(3, -0.5, 2, 7);
        Tensor p = Tensor.vector(2.5, 0.0, 2, 8);
        assertEquals(0.5, RegressionMetrics.meanAbsoluteError(y, p), 1e-15);
        assertEquals(0.375, RegressionMetrics.meanSquaredError(y, p), 1e-15);
        // SS_res = 0.25 + 0.25 + 0 + 1 = 1.5; ȳ = 2.875, SS_tot = 29.1875
        assertEquals(1 - 1.5 / 29.1875, RegressionMetrics.r2(y, p), 1e-15);
    }

    @Test
    void aMatrixIsOneOutputPerColumnAveragedUniformly() {
        Tensor y = Tensor.matrix(new double[][] {{0.5, 1}, {-1, 1}, {7, -6}});
        Tensor p = Tensor.matrix(new double[][] {{0, 2}, {-1, 2}, {8, -5}});
        assertEquals((1.5 / 3 + 1.0) / 2, RegressionMetrics.meanAbsoluteError(y, p), 1e-15); // scikit-learn: 0.75
        assertEquals((1.25 / 3 + 1.0) / 2, RegressionMetrics.meanSquaredError(y, p), 1e-15); // 0.708333…
        // column 0: SS_res 1.25, SS_tot 217/6; column 1: SS_res 3, SS_tot 294/9
        double expected = ((1 - 1.25 / (217.0 / 6)) + (1 - 3 / (294.0 / 9))) / 2;
        assertEquals(expected, RegressionMetrics.r2(y, p), 1e-15);
        assertEquals(0.9368005266622779, RegressionMetrics.r2(y, p), 1e-15); // scikit-learn's documented value
    }

    @Test
    void aConstantTargetScoresOneIfExactAndZeroOtherwise() {
        Tensor y = Tensor.vector(2, 2, 2);
        assertEquals(1.0, RegressionMetrics.r2(y, y));
        assertEquals(0.0, RegressionMetrics.r2(y, Tensor.vector(2, 2, 3)));
    }

    @Test
    void badInputIsRefusedNamingTheValue() {
        Tensor y = Tensor.vector(1, 2, 3);
        assertMessage("shapes differ: [3] and [2]", () -> RegressionMetrics.meanSquaredError(y, Tensor.vector(1, 2)));
        assertMessage("prediction NaN at example 1", () -> RegressionMetrics.r2(y, Tensor.vector(1, Double.NaN, 3)));
        assertMessage("target Infinity at example 2",
                () -> RegressionMetrics.meanAbsoluteError(Tensor.vector(1, 2, Double.POSITIVE_INFINITY), y));
        assertMessage("target NaN at example 0, output 1", () -> RegressionMetrics.r2(
                Tensor.matrix(new double[][] {{1, Double.NaN}, {2, 3}}), Tensor.ones(2, 2)));
        assertMessage("shape []", () -> RegressionMetrics.meanSquaredError(Tensor.scalar(1), Tensor.scalar(1)));
        assertMessage("shape [1, 1, 1]", () -> RegressionMetrics.meanSquaredError(Tensor.ones(1, 1, 1), Tensor.ones(1, 1, 1)));
        assertMessage("shape [0]", () -> RegressionMetrics.meanAbsoluteError(Tensor.zeros(0), Tensor.zeros(0)));
        assertMessage("1 example(s); need at least 2", () -> RegressionMetrics.r2(Tensor.vector(1), Tensor.vector(1)));
        assertEquals(0.0, RegressionMetrics.meanSquaredError(Tensor.vector(1), Tensor.vector(1)));
    }

    private static void assertMessage(String expected, Executable call) {
        String message = assertThrows(IllegalArgumentException.class, call).getMessage();
        assertTrue(message.contains(expected), message);
    }

    private static Gen<double[]> targets() {
        return Gen.doubleArrays(Gen.doubles(-10, 10), 2, 30);
    }

    @Test
    void theMeanPredictorScoresZero() {
        Property.forAll(targets()).check(y -> {
            double mean = java.util.Arrays.stream(y).average().orElseThrow();
            Property.assume(java.util.Arrays.stream(y).anyMatch(v -> v != y[0]));
            Tensor target = Tensor.vector(y);
            assertEquals(0.0, RegressionMetrics.r2(target, Tensor.full(target.shape(), mean)), 1e-12);
        });
    }

    @Test
    void rSquaredIsOneExactlyWhenThePredictionIsExact() {
        Property.forAll(targets(), Gen.doubles(-1, 1)).check((y, delta) -> {
            Property.assume(delta != 0);
            Tensor target = Tensor.vector(y);
            assertEquals(1.0, RegressionMetrics.r2(target, target));
            double[] off = y.clone();
            off[off.length / 2] += delta;
            Property.assume(off[off.length / 2] != y[off.length / 2]);
            assertTrue(RegressionMetrics.r2(target, Tensor.vector(off)) < 1);
            assertTrue(RegressionMetrics.meanAbsoluteError(target, Tensor.vector(off)) > 0);
        });
    }

    @Test
    void errorsAreSymmetricAndMseBoundsMaeSquared() {
        Property.forAll(targets(), targets()).check((a, b) -> {
            int n = Math.min(a.length, b.length);
            Tensor y = Tensor.vector(java.util.Arrays.copyOf(a, n));
            Tensor p = Tensor.vector(java.util.Arrays.copyOf(b, n));
            double mae = RegressionMetrics.meanAbsoluteError(y, p);
            double mse = RegressionMetrics.meanSquaredError(y, p);
            assertEquals(mae, RegressionMetrics.meanAbsoluteError(p, y), 0);
            assertEquals(mse, RegressionMetrics.meanSquaredError(p, y), 0);
            assertTrue(mse >= mae * mae * (1 - 1e-12), mse + " < " + mae + "²");
            assertTrue(RegressionMetrics.r2(y, p) <= 1);
        });
    }
}
