package org.adjoint.verify.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Stream;
import org.adjoint.verify.Gen;
import org.adjoint.verify.Property;
import org.adjoint.verify.PropertyFailure;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Properties as JUnit 5 dynamic tests: named, deferred, and failing with the property's report. */
class PropertyTestsTest {

    @TestFactory
    Stream<DynamicTest> softplusAndSigmoidAreMonotone() {
        DoubleUnaryOperator softplus = x -> Math.log1p(Math.exp(-Math.abs(x))) + Math.max(x, 0);
        DoubleUnaryOperator sigmoid = x -> 1 / (1 + Math.exp(-x));
        return Map.of("softplus", softplus, "sigmoid", sigmoid).entrySet().stream().map(f ->
                PropertyTests.dynamicTest(f.getKey() + " is monotone",
                        Property.forAll(Gen.zip(Gen.doubles(-20, 20), Gen.doubles(0, 1))),
                        pair -> assertTrue(f.getValue().applyAsDouble(pair.first())
                                <= f.getValue().applyAsDouble(pair.first() + pair.second()))));
    }

    @Test
    void aDynamicTestRunsItsPropertyOnlyWhenExecuted() throws Throwable {
        AtomicInteger runs = new AtomicInteger();
        DynamicTest test = PropertyTests.dynamicTest("counts", Property.forAll(Gen.integers(0, 9)).tries(5),
                n -> runs.incrementAndGet());
        assertEquals("counts", test.getDisplayName());
        assertEquals(0, runs.get());
        test.getExecutable().execute();
        assertEquals(5, runs.get());
    }

    @Test
    void aFailingDynamicTestReportsTheNamedPropertyAndItsShrunkValue() {
        DynamicTest test = PropertyTests.dynamicTest("below ten", Property.forAll(Gen.integers(0, 1000)),
                n -> assertTrue(n < 10));
        PropertyFailure failure = assertThrows(PropertyFailure.class, () -> test.getExecutable().execute());
        assertEquals(10, failure.shrunkValue());
        assertTrue(failure.getMessage().startsWith("Property 'below ten' falsified"), failure.getMessage());
    }
}
