/**
 * Saving and loading parameter sets: {@link org.adjoint.nn.io.ParameterFile}, NumPy {@code .npz}
 * archives checked against a model's parameters.
 *
 * <p>Not here: the archive format itself ({@code org.adjoint.core.io.Npz}).
 */
package org.adjoint.nn.io;
