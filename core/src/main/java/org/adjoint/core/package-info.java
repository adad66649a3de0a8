/**
 * Immutable n-dimensional {@code double} tensors and what every other module builds on them.
 *
 * <p>{@link org.adjoint.core.Tensor} is the value type: row-major, immutable, NumPy broadcasting on
 * elementwise operations, reductions, indexing, matrix products, convolutions and pooling.
 * {@link org.adjoint.core.Shape} describes its dimensions, {@link org.adjoint.core.NamedTensors} holds a
 * model's parameters (or their gradients, or an optimizer's state) by name, and
 * {@link org.adjoint.core.Fused} gives the optimizers single-pass update kernels.
 * {@link org.adjoint.core.FiniteDifferences} estimates derivatives to check analytic ones, and
 * {@link org.adjoint.core.LinearAlgebra} and {@link org.adjoint.core.Cholesky} bridge to
 * commons-math3's decompositions.
 *
 * <p>The kernels behind these operations (the matrix product, the transcendental loops, the
 * parallel splitter) are package-private; the Vector API versions load only when the JVM runs with
 * {@code --add-modules jdk.incubator.vector}, and the pure-Java versions run otherwise. Nothing here
 * knows about graphs or gradients: that is {@code org.adjoint.autodiff}.
 */
package org.adjoint.core;
