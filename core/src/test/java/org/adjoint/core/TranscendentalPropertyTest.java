package org.adjoint.core;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;
import org.adjoint.verify.Gen;
import org.adjoint.verify.Property;
import org.adjoint.verify.TensorGens;
import org.junit.jupiter.api.Test;

/**
 * exp, log and tanh have Vector API loops ({@link StableMath}'s functions, vector by vector) when that
 * API is in use, and {@link Math}'s otherwise; core's tests run both ways (see core/pom.xml). Either
 * way every element must agree with {@link Math}'s value as closely as the two libraries' error
 * bounds allow, with the same NaNs, infinities and overflow, on vectors long enough to fill several
 * vector registers and leave a scalar tail. StableMath is within 1 ulp of the exact result (see
 * {@link StableMathAccuracyTest}); {@code Math.exp} and {@code Math.log} are within 1 ulp too, so
 * they may differ by 2, while {@code Math.tanh} is only bound to 2.5 ulps, so the two tanh values may
 * differ by 3.5 (a deep run found the Vector API kernel of the time 0.36 ulp from the exact value where
 * {@code Math.tanh} is 1.64 ulps away: see {@link #vectorTanhIsTheMoreAccurateWhereTheTwoDiffer}).
 */
class TranscendentalPropertyTest {

    private static final Gen<Double> WIDE = Gen.oneOf(Gen.doubles(-750, 750), Gen.doubles(-20, 20), Gen.doubles(0, 1e-300),
            Gen.elements(0.0, -0.0, 1.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                    Double.MIN_VALUE, Double.MAX_VALUE, 709.78, 709.79, -745.2));

    @Test
    void expIsWithinTwoUlpsOfMathExp() {
        agrees("exp", Tensor::exp, Math::exp, 2);
    }

    @Test
    void logIsWithinTwoUlpsOfMathLog() {
        agrees("log", Tensor::log, Math::log, 2);
    }

    @Test
    void tanhIsWithinThreeAndAHalfUlpsOfMathTanh() {
        agrees("tanh", Tensor::tanh, Math::tanh, 3.5);
    }

    /**
     * Deep run of 2026-11-24, seed -4975954196991421588: at x = 0.4508339425448638 the Vector API tanh
     * gave 0.4225842657865068 and {@code Math.tanh} 0.42258426578650693, 2.3 ulps apart, which failed
     * the old one-ulp comparison. The exact value (50 digits) is 0.42258426578650683875…: whichever
     * implementation runs must be within 1 ulp of it, and Math within its documented 2.5.
     */
    @Test
    void vectorTanhIsTheMoreAccurateWhereTheTwoDiffer() {
        double x = 0.4508339425448638;
        BigDecimal exact = new BigDecimal("0.42258426578650683875022103980619916742568400459961");
        double ulp = Math.ulp(0.42258426578650683);
        double ours = Tensor.vector(x, x, x, x, x, x, x, x, x).tanh().get(0);
        double ulpsOurs = new BigDecimal(ours).subtract(exact).abs().doubleValue() / ulp;
        double ulpsMath = new BigDecimal(Math.tanh(x)).subtract(exact).abs().doubleValue() / ulp;
        assertTrue(ulpsOurs <= 1 || ours == Math.tanh(x), "tanh(" + x + ") = " + ours + " is " + ulpsOurs + " ulps off");
        assertTrue(ulpsMath <= 2.5, "Math.tanh is " + ulpsMath + " ulps off");
    }

    private static void agrees(String name, UnaryOperator<Tensor> op, DoubleUnaryOperator reference, double ulps) {
        Property.forAll(TensorGens.tensors(TensorGens.shapesOfRank(1, 1, 40), WIDE)).check(x -> {
            double[] actual = op.apply(x).toArray();
            for (int i = 0; i < actual.length; i++) {
                double input = x.get(i);
                double expected = reference.applyAsDouble(input);
                double got = actual[i];
                boolean same = Double.compare(expected, got) == 0
                        || Double.isFinite(expected) && Math.abs(expected - got) <= ulps * Math.ulp(expected);
                assertTrue(same, name + "(" + input + ") = " + got + ", Math gives " + expected + " (allowed: " + ulps + " ulps)");
            }
        });
    }
}
