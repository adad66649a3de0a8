package org.adjoint.verify.junit;

import java.util.Objects;
import org.adjoint.verify.Property;
import org.junit.jupiter.api.DynamicTest;

/**
 * Properties as JUnit 5 dynamic tests: one test per property in a {@code @TestFactory}, each shown
 * under its own name and failing on its own, e.g. one per op of a catalogue.
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicTest> everyActivationIsMonotone() {
 *     return Stream.of(new Softplus(), new Swish())
 *             .map(f -> PropertyTests.dynamicTest(f.name() + " is monotone",
 *                     Property.forAll(Gen.zip(Gen.doubles(-20, 20), Gen.doubles(0, 1))),
 *                     pair -> assertTrue(f.apply(pair.first()) <= f.apply(pair.first() + pair.second()))));
 * }
 * }</pre>
 *
 * <p>A failing dynamic test fails with the property's {@link org.adjoint.verify.PropertyFailure},
 * whose replay command names the {@code @TestFactory} method. This class needs
 * {@code junit-jupiter-api} on the class path (core declares it optional); the rest of
 * {@code org.adjoint.verify} does not.
 */
public final class PropertyTests {

    private PropertyTests() {
    }

    /**
     * A dynamic test named {@code name} that checks {@code property} (also named {@code name}, for
     * its failure report) with {@code body} when JUnit runs it; nothing runs before then.
     */
    public static <T> DynamicTest dynamicTest(String name, Property<T> property, Property.Body<? super T> body) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(body, "body");
        Property<T> named = property.named(name);
        return DynamicTest.dynamicTest(name, () -> named.check(body));
    }
}
