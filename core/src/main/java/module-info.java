/**
 * Adjoint's core: immutable n-d double tensors with NumPy broadcasting, their kernels, finite
 * differences, linear algebra through commons-math3, and NumPy file I/O. Knows nothing of graphs.
 *
 * <p>The Vector API ({@code jdk.incubator.vector}) is optional: when the JVM runs with
 * {@code --add-modules jdk.incubator.vector}, the matrix product and the transcendental kernels use
 * it; without it, the pure-Java kernels run.
 */
module org.adjoint.core {
    requires static jdk.incubator.vector;
    requires transitive commons.math3;

    exports org.adjoint.core;
    exports org.adjoint.core.io;
}
