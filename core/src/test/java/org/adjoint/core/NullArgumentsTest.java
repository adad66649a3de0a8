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
import org.adjoint.verify.BroadcastPair;
import org.adjoint.verify.Gen;
import org.adjoint.verify.PairProperty;
import org.adjoint.verify.Pair;
import org.adjoint.verify.Property;
import org.adjoint.verify.PropertyFailure;
import org.adjoint.verify.Source;
import org.adjoint.verify.Triple;
import org.adjoint.verify.TripleProperty;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, item 12: every public method and constructor of every public class that core exports
 * refuses {@code null} at the call with a {@link NullPointerException}, instead of accepting it and
 * failing far away. Guava's {@link NullPointerTester} passes null to each reference parameter in turn.
 *
 * <p>Exceptions: the message and cause of {@link SingularMatrixException},
 * {@code MalformedFileException} and {@code GeneratorExhausted} may be null, as for any
 * {@link Throwable}; the values of a {@link Pair} or {@link Triple} are whatever a generator made.
 *
 * <p>Issue 19: the property harness, {@code org.adjoint.verify} and {@code org.adjoint.verify.junit},
 * is covered too.
 */
class NullArgumentsTest {

    /** A sample of each public class with instance methods; the tester calls them on it. */
    private static final Map<Class<?>, Object> SAMPLES = Map.ofEntries(
            Map.entry(Tensor.class, Tensor.matrix(new double[][] {{4, 1}, {1, 3}})),
            Map.entry(Shape.class, Shape.of(2, 2)),
            Map.entry(ConvGeometry.class, ConvGeometry.unit()),
            Map.entry(Interval.class, new Interval(0, 1)),
            Map.entry(NamedTensors.class, NamedTensors.of(Map.of("w", Tensor.ones(2)))),
            Map.entry(Cholesky.class, LinearAlgebra.cholesky(Tensor.identity(2)).orElseThrow()),
            Map.entry(LinearAlgebra.SymmetricEigen.class, LinearAlgebra.symmetricEigen(Tensor.identity(2))),
            Map.entry(Gen.class, Gen.constant(1.0)),
            Map.entry(Property.class, Property.forAll(Gen.constant(1.0))),
            Map.entry(PairProperty.class, Property.forAll(Gen.constant(1.0), Gen.constant(2.0))),
            Map.entry(TripleProperty.class, Property.forAll(Gen.constant(1.0), Gen.constant(2.0), Gen.constant(3.0))),
            Map.entry(Pair.class, new Pair<>(1.0, 2.0)),
            Map.entry(Triple.class, new Triple<>(1.0, 2.0, 3.0)),
            Map.entry(BroadcastPair.class, new BroadcastPair(Shape.of(2, 1), Shape.of(3))),
            Map.entry(Source.class, Source.replay(1, 2, 3)),
            Map.entry(PropertyFailure.class, aPropertyFailure()),
            Map.entry(org.adjoint.core.data.Examples.class, org.adjoint.core.data.Examples.labeled(Tensor.identity(2), new int[] {0, 1})),
            Map.entry(org.adjoint.core.data.Standardizer.class, org.adjoint.core.data.Standardizer.fit(Tensor.identity(2))),
            Map.entry(org.adjoint.core.data.Csv.class, org.adjoint.core.data.Csv.withHeader()),
            Map.entry(org.adjoint.core.data.Minibatches.class, new org.adjoint.core.data.Minibatches(
                    org.adjoint.core.data.Examples.labeled(Tensor.identity(2), new int[] {0, 1}), 1, 1)),
            Map.entry(org.adjoint.core.data.Splits.class, org.adjoint.core.data.Splits.of(
                    org.adjoint.core.data.Examples.labeled(Tensor.identity(4), new int[] {0, 1, 2, 3}), 0.25, 0.25, 1)));

    private static PropertyFailure aPropertyFailure() {
        try {
            Property.forAll(Gen.constant(1.0)).tries(1).check(x -> {
                throw new AssertionError("always fails");
            });
        } catch (PropertyFailure failure) {
            return failure;
        }
        throw new IllegalStateException("the property should have failed");
    }

    private static NullPointerTester tester() {
        return new NullPointerTester()
                .setDefault(Tensor.class, Tensor.identity(2))
                .setDefault(Shape.class, Shape.of(2))
                .setDefault(ConvGeometry.class, ConvGeometry.unit())
                .setDefault(Interval.class, new Interval(0, 1))
                .setDefault(NamedTensors.class, NamedTensors.of(Map.of("w", Tensor.ones(2))))
                .setDefault(String.class, "w")
                .setDefault(Gen.class, Gen.constant(1.0))
                .setDefault(Property.class, Property.forAll(Gen.constant(1.0)))
                .setDefault(Path.class, Path.of("no-such-dir", "file.npz"))
                .setDefault(org.adjoint.core.data.Examples.class,
                        org.adjoint.core.data.Examples.labeled(Tensor.identity(2), new int[] {0, 1}))
                .setDefault(RealMatrix.class, new Array2DRowRealMatrix(2, 2))
                .setDefault(RealVector.class, new ArrayRealVector(2));
    }

    @Test
    void everyPublicEntryPointOfCoreRefusesNull() {
        List<Class<?>> classes = PublicApi.classes(Tensor.class, "org.adjoint.core", "org.adjoint.core.io",
                "org.adjoint.core.data", "org.adjoint.verify", "org.adjoint.verify.junit");
        assertTrue(classes.size() >= 25, classes::toString);
        List<String> failures = PublicApi.nullFailures(tester(), classes, SAMPLES,
                Set.of("SingularMatrixException.new", "MalformedFileException.new", "GeneratorExhausted.new",
                        "Pair.new", "Triple.new"));
        assertEquals("", String.join("\n", failures));
    }
}
