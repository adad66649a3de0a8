/**
 * Optional JUnit 5 integration of {@link org.adjoint.verify}: properties as dynamic tests. Compiled
 * against {@code junit-jupiter-api}, which core declares optional; only code that uses this package
 * needs JUnit on its class path.
 */
package org.adjoint.verify.junit;
