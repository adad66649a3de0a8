/**
 * Internals of the core module that the autodiff module needs and users do not: exported to
 * {@code org.adjoint.autodiff} only. {@link org.adjoint.core.internal.Buffers} recycles the arrays
 * of tensors a backward sweep proves dead.
 */
package org.adjoint.core.internal;
