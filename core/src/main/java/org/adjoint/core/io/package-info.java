/**
 * Tensors to and from files that other tools write and read: NumPy's {@code .npy}
 * ({@link org.adjoint.core.io.NpyFile}) and {@code .npz} ({@link org.adjoint.core.io.Npz}),
 * Hugging Face's {@code .safetensors} ({@link org.adjoint.core.io.Safetensors}), and the image data
 * sets' binary formats: the IDX files of MNIST and Fashion-MNIST ({@link org.adjoint.core.io.Idx}) and
 * CIFAR-10's batches ({@link org.adjoint.core.io.Cifar10}).
 *
 * <p>A file that is truncated, corrupt or self-contradictory is refused with a
 * {@link org.adjoint.core.io.MalformedFileException} that names the file and, where known, the entry or
 * offset; the project's loader fuzzers feed damaged files to every reader to check that a bad file
 * fails in no other way.
 */
package org.adjoint.core.io;
