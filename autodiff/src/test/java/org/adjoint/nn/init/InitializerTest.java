package org.adjoint.nn.init;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.adjoint.core.Shape;
import org.adjoint.core.Tensor;
import org.adjoint.verify.Gen;
import org.adjoint.verify.Property;
import org.junit.jupiter.api.Test;

/**
 * Initializers' sample mean and variance against their formulas. A tolerance of six standard errors
 * (σ/√N for the mean, σ²·√(2/N) for the variance) makes a false failure about a one-in-a-billion event.
 */
class InitializerTest {

    /** Large weight shapes [out, in], sometimes with a receptive field, and a seed. */
    private static final Gen<Shape> BIG_SHAPES = Gen.zip(Gen.integers(40, 200), Gen.integers(40, 200), Gen.integers(1, 3))
            .map(t -> t.third() == 1 ? Shape.of(t.first(), t.second()) : Shape.of(t.first(), t.second(), t.third()));

    @Test
    void fanInAndFanOutFollowPyTorchsRule() {
        assertEquals(new Initializer.Fans(4, 3), Initializer.Fans.of(Shape.of(3, 4)));
        assertEquals(new Initializer.Fans(4 * 25, 3 * 25), Initializer.Fans.of(Shape.of(3, 4, 5, 5)));
        assertEquals(new Initializer.Fans(7, 7), Initializer.Fans.of(Shape.of(7)));
        assertEquals(new Initializer.Fans(1, 1), Initializer.Fans.of(Shape.SCALAR));
    }

    @Test
    void factoriesGiveValuesThatPrintAsTheirCall() {
        assertEquals(Initializer.normal(0, 0.001), Initializer.normal(0, 0.001));
        assertEquals(Initializer.normal(0, 0.001).hashCode(), Initializer.normal(0, 0.001).hashCode());
        assertNotEquals(Initializer.normal(0, 0.001), Initializer.normal(0, 0.01));
        Initializer he = Initializer.heNormal();
        assertEquals(he, Initializer.heNormal(), "built twice: equal values, not one object");
        assertNotEquals(Initializer.heNormal(), Initializer.heUniform());
        assertEquals("normal(0.0, 0.001)", Initializer.normal(0, 0.001).toString());
        assertEquals("uniform(-1.0, 1.0)", Initializer.uniform(-1, 1).toString());
        assertEquals("constant(0.5)", Initializer.constant(0.5).toString());
        assertEquals("zeros()", Initializer.zeros().toString());
        assertEquals("xavierUniform()", Initializer.xavierUniform().toString());
        assertEquals("xavierNormal()", Initializer.xavierNormal().toString());
        assertEquals("heUniform()", Initializer.heUniform().toString());
        assertEquals("heNormal()", Initializer.heNormal().toString());
    }

    @Test
    void uniformAndNormalHaveTheirMeanAndVariance() {
        Property.forAll(BIG_SHAPES, Gen.doubles(-3, 3), Gen.doubles(0.1, 4)).scaledTries(0.1).check((shape, a, width) -> {
            double b = a + width;
            matches(Initializer.uniform(a, b), shape, (a + b) / 2, width * width / 12);
            matches(Initializer.normal(a, width), shape, a, width * width);
        });
    }

    @Test
    void xavierAndHeHaveTheVarianceOfTheirFans() {
        Property.forAll(BIG_SHAPES).scaledTries(0.1).check(shape -> {
            Initializer.Fans f = Initializer.Fans.of(shape);
            matches(Initializer.xavierUniform(), shape, 0, 2.0 / (f.in() + f.out()));
            matches(Initializer.xavierNormal(), shape, 0, 2.0 / (f.in() + f.out()));
            matches(Initializer.heUniform(), shape, 0, 2.0 / f.in());
            matches(Initializer.heNormal(), shape, 0, 2.0 / f.in());
        });
    }

    @Test
    void kaimingUniformWithSlopeRootFiveIsPyTorchsLinearDefault() {
        Shape shape = Shape.of(30, 25, 2);
        Tensor t = Initializer.kaimingUniform(Math.sqrt(5)).sample(shape, new Random(3));
        double bound = 1 / Math.sqrt(50);
        assertTrue(t.abs().max().item() <= bound);
        assertTrue(t.abs().max().item() > 0.98 * bound, "fills its range");
        assertEquals(Initializer.heUniform().sample(shape, new Random(3)), Initializer.kaimingUniform(0).sample(shape,
                new Random(3)), "a = 0 is He uniform");
        assertEquals("kaimingUniform(2.0)", Initializer.kaimingUniform(2).toString());
        assertEquals(Initializer.kaimingUniform(Math.sqrt(4)), Initializer.kaimingUniform(2), "a value: equal when a is");
        assertThrows(IllegalArgumentException.class, () -> Initializer.kaimingUniform(Double.NaN));
    }

    @Test
    void uniformInitializersStayInTheirBounds() {
        Shape shape = Shape.of(100, 50);
        double a = Math.sqrt(6.0 / 150);
        Tensor t = Initializer.xavierUniform().sample(shape, new Random(1));
        assertTrue(t.abs().max().item() <= a);
        assertTrue(Initializer.heUniform().sample(shape, new Random(1)).abs().max().item() <= Math.sqrt(6.0 / 50));
    }

    @Test
    void constantsAndZeros() {
        assertEquals(Tensor.full(Shape.of(2, 2), 0.5), Initializer.constant(0.5).sample(Shape.of(2, 2), new Random(1)));
        assertEquals(Tensor.zeros(3), Initializer.zeros().sample(Shape.of(3), new Random(1)));
    }

    @Test
    void badSettingsAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Initializer.uniform(1, 1));
        assertEquals("uniform: the range [1.0, 1.0) must be finite and non-empty", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Initializer.normal(0, -1));
    }

    private static void matches(Initializer init, Shape shape, double mean, double variance) {
        Tensor t = init.sample(shape, new Random(shape.hashCode()));
        int n = t.size();
        double sampleMean = t.mean().item();
        double sampleVariance = t.sub(Tensor.scalar(sampleMean)).square().sum().item() / (n - 1);
        double sd = Math.sqrt(variance);
        assertEquals(mean, sampleMean, 6 * sd / Math.sqrt(n), () -> init + " mean on " + shape);
        assertEquals(variance, sampleVariance, 6 * variance * Math.sqrt(2.0 / n), () -> init + " variance on " + shape);
    }
}
