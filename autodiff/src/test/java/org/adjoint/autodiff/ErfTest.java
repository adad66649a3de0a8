package org.adjoint.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.adjoint.core.Tensor;
import org.junit.jupiter.api.Test;

/**
 * {@link Var#erf} and the exact {@link Var#gelu} against values known to more digits than a double
 * holds (computed with 50-digit arithmetic, mpmath's {@code erf}), to 2e-15 relative.
 */
class ErfTest {

    private static final double[] X = {1e-10, 0.1, 0.5, 1, 1.5, 2, 3, 4, 5, -0.3, -2.5};
    private static final double[] ERF = {
        1.128379167095512615e-10, 0.1124629160182848984, 0.52049987781304653768, 0.84270079294971486934,
        0.96610514647531072707, 0.99532226501895273416, 0.99997790950300141456, 0.99999998458274209972,
        0.99999999999846254021, -0.32862675945912741619, -0.99959304798255504106};

    @Test
    void erfMatchesKnownValuesToAboutOneUlp() {
        Tensor y = Var.constant(Tensor.vector(X)).erf().value();
        for (int i = 0; i < X.length; i++) {
            double relative = Math.abs(y.get(i) - ERF[i]) / Math.abs(ERF[i]);
            assertTrue(relative <= 2e-15, "erf(" + X[i] + ") = " + y.get(i) + ", expected " + ERF[i]);
        }
    }

    @Test
    void erfSpecialValues() {
        Tensor x = Tensor.vector(0, -0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN, 40, -40);
        assertEquals(Tensor.vector(0, -0.0, 1, -1, Double.NaN, 1, -1), Var.constant(x).erf().value());
    }

    /**
     * gelu(−10) = −10·Φ(−10) ≈ −7.6e-23: the erfc form keeps it to 1e-13 relative (erfc's accuracy in
     * the tail), where 1 + erf(−10/√2) would lose every digit.
     */
    @Test
    void geluKeepsItsTinyNegativeValues() {
        double phiOfMinus10 = 7.619853024160526066e-24;
        double y = Var.constant(-10).gelu().item();
        assertEquals(-10 * phiOfMinus10, y, 1e-12 * 10 * phiOfMinus10);
    }
}
