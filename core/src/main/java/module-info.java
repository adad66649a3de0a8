/**
 * Adjoint's core: immutable n-d double tensors with NumPy broadcasting, their kernels, finite
 * differences, linear algebra through commons-math3, and NumPy file I/O. Knows nothing of graphs.
 *
 * <p>The Vector API ({@code jdk.incubator.vector}) is optional: when the JVM runs with
 * {@code --add-modules jdk.incubator.vector}, the matrix product and the transcendental kernels use
 * it; without it, the pure-Java kernels run.
 *
 * <p>{@code org.adjoint.verify} is the property-based testing harness the library checks itself
 * with, for users to check their own code: generators, properties, shrinking and replayable seeds.
 * Its JUnit 5 integration, {@code org.adjoint.verify.junit}, needs {@code junit-jupiter-api} on the
 * class path; nothing else in this module does.
 */
module org.adjoint.core {
    requires static jdk.incubator.vector;
    requires transitive commons.math3;
    // Parses CSV for org.adjoint.core.data.Csv; not in any public signature.
    requires org.apache.commons.csv;
    // JUnit is optional: only org.adjoint.verify.junit uses it, for users who run properties as dynamic tests.
    requires static org.junit.jupiter.api;

    exports org.adjoint.core;
    exports org.adjoint.core.io;
    exports org.adjoint.core.data;
    exports org.adjoint.verify;
    exports org.adjoint.verify.junit;
    // Array recycling for the backward sweep; not for users.
    exports org.adjoint.core.internal to org.adjoint.autodiff;
}
