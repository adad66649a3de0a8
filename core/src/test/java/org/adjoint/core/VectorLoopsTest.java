package org.adjoint.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.adjoint.core.Elementwise.UnaryLoop;
import org.adjoint.verify.Gen;
import org.adjoint.verify.Property;
import org.junit.jupiter.api.Test;

/**
 * The Vector API loops give, element by element, the bits of {@link StableMath}'s scalar functions:
 * in a vector lane or in the tail, next to rare inputs (which send their whole vector to the scalar
 * code) or not, whatever the range's bounds. So a result depends on the element's value only, not on
 * how an array is split across threads or on the machine's vector width. Core's tests always run
 * with the incubator module (see core/pom.xml), so {@link VectorLoops} can be loaded here even when
 * {@code adjoint.vector=false} keeps it out of the tensor operations.
 */
class VectorLoopsTest {

    private static final Gen<Double> MIXED = Gen.oneOf(Gen.doubles(-800, 800), Gen.doubles(-25, 25), Gen.doubles(-1, 1),
            Gen.doubles(0, 1e-300), Gen.doubles(-1e-300, 0), Gen.elements(0.0, -0.0, 1.0, -1.0, Double.NaN,
                    Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE, Double.MIN_NORMAL,
                    Double.MAX_VALUE, 709.78, -745.2, 19.1, -19.2));
    /** Mostly ordinary arguments, so that most vectors take the vector path. */
    private static final Gen<Double> ORDINARY = Gen.oneOf(Gen.doubles(-30, 30), Gen.doubles(1e-3, 1e3), Gen.doubles(-30, 30),
            Gen.doubles(1e-3, 1e3), MIXED);

    private static final VectorLoops LOOPS = new VectorLoops();

    @Test
    void expLanesAreStableMathExp() {
        agree("exp", LOOPS.exp(), StableMath::exp);
    }

    @Test
    void logLanesAreStableMathLog() {
        agree("log", LOOPS.log(), StableMath::log);
    }

    @Test
    void tanhLanesAreStableMathTanh() {
        agree("tanh", LOOPS.tanh(), StableMath::tanh);
    }

    private static void agree(String name, UnaryLoop loop, java.util.function.DoubleUnaryOperator scalar) {
        Gen<double[]> arrays = Gen.oneOf(Gen.doubleArrays(MIXED, 0, 70), Gen.doubleArrays(ORDINARY, 0, 70));
        Property.forAll(arrays, Gen.doubles(0, 1), Gen.doubles(0, 1)).check((x, a, b) -> {
            int from = (int) (Math.min(a, b) * x.length);
            int to = (int) (Math.max(a, b) * x.length);
            double[] out = new double[x.length];
            loop.run(x, out, from, to);
            for (int i = from; i < to; i++) {
                assertEquals(Long.toHexString(Double.doubleToRawLongBits(scalar.applyAsDouble(x[i]))),
                        Long.toHexString(Double.doubleToRawLongBits(out[i])),
                        name + "(" + x[i] + ") at " + i + " of [" + from + ", " + to + ")");
            }
        });
    }
}
