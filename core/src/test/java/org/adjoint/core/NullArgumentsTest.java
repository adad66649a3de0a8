package org.adjoint.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.testing.NullPointerTester;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.adjoint.testing.PublicApi;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, item 12: every public method and constructor of every public class that core exports
 * refuses {@code null} at the call with a {@link NullPointerException}, instead of accepting it and
 * failing far away. Guava's {@link NullPointerTester} passes null to each reference parameter in turn.
 *
 * <p>Exceptions: the message and cause of {@link SingularMatrixException} and
 * {@code MalformedFileException} may be null, as for any {@link Throwable}.
 */
class NullArgumentsTest {

    /** A sample of each public class with instance methods; the tester calls them on it. */
    private static final Map<Class<?>, Object> SAMPLES = Map.of(
            Tensor.class, Tensor.matrix(new double[][] {{4, 1}, {1, 3}}),
            Shape.class, Shape.of(2, 2),
            Interval.class, new Interval(0, 1),
            NamedTensors.class, NamedTensors.of(Map.of("w", Tensor.ones(2))),
            Cholesky.class, LinearAlgebra.cholesky(Tensor.identity(2)).orElseThrow(),
            LinearAlgebra.SymmetricEigen.class, LinearAlgebra.symmetricEigen(Tensor.identity(2)));

    private static NullPointerTester tester() {
        return new NullPointerTester()
                .setDefault(Tensor.class, Tensor.identity(2))
                .setDefault(Shape.class, Shape.of(2))
                .setDefault(Interval.class, new Interval(0, 1))
                .setDefault(NamedTensors.class, NamedTensors.of(Map.of("w", Tensor.ones(2))))
                .setDefault(String.class, "w")
                .setDefault(Path.class, Path.of("no-such-dir", "file.npz"))
                .setDefault(RealMatrix.class, new Array2DRowRealMatrix(2, 2))
                .setDefault(RealVector.class, new ArrayRealVector(2));
    }

    @Test
    void everyPublicEntryPointOfCoreRefusesNull() {
        List<Class<?>> classes = PublicApi.classes(Tensor.class, "org.adjoint.core", "org.adjoint.core.io");
        assertTrue(classes.size() >= 12, classes::toString);
        List<String> failures = PublicApi.nullFailures(tester(), classes, SAMPLES,
                Set.of("SingularMatrixException.new", "MalformedFileException.new"));
        assertEquals("", String.join("\n", failures));
    }
}
