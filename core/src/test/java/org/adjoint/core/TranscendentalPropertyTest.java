package org.adjoint.core;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;
import org.adjoint.testing.Gen;
import org.adjoint.testing.Property;
import org.adjoint.testing.TensorGens;
import org.junit.jupiter.api.Test;

/**
 * exp, log and tanh have Vector API loops (SVML on x86) when that API is in use, and {@link Math}'s
 * otherwise; core's tests run both ways (see core/pom.xml). Either way every element must be within
 * one ulp of {@link Math}'s value, with the same NaNs, infinities and overflow, on vectors long
 * enough to fill several vector registers and leave a scalar tail.
 */
class TranscendentalPropertyTest {

    private static final Gen<Double> WIDE = Gen.oneOf(Gen.doubles(-750, 750), Gen.doubles(-20, 20), Gen.doubles(0, 1e-300),
            Gen.elements(0.0, -0.0, 1.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                    Double.MIN_VALUE, Double.MAX_VALUE, 709.78, 709.79, -745.2));

    @Test
    void expIsWithinOneUlpOfMathExp() {
        agrees("exp", Tensor::exp, Math::exp);
    }

    @Test
    void logIsWithinOneUlpOfMathLog() {
        agrees("log", Tensor::log, Math::log);
    }

    @Test
    void tanhIsWithinOneUlpOfMathTanh() {
        agrees("tanh", Tensor::tanh, Math::tanh);
    }

    private static void agrees(String name, UnaryOperator<Tensor> op, DoubleUnaryOperator reference) {
        Property.forAll(TensorGens.tensors(TensorGens.shapesOfRank(1, 1, 40), WIDE)).check(x -> {
            double[] actual = op.apply(x).toArray();
            for (int i = 0; i < actual.length; i++) {
                double input = x.get(i);
                double expected = reference.applyAsDouble(input);
                double got = actual[i];
                boolean same = Double.compare(expected, got) == 0
                        || Double.isFinite(expected) && Math.abs(expected - got) <= Math.ulp(expected);
                assertTrue(same, name + "(" + input + ") = " + got + ", Math gives " + expected);
            }
        });
    }
}
