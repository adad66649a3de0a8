package org.adjoint.core;

/** Thrown when a linear system cannot be solved because its matrix is singular to working precision. */
public final class SingularMatrixException extends ArithmeticException {

    private static final long serialVersionUID = 1L;

    /** An exception with a message naming the operation and the matrix. */
    public SingularMatrixException(String message) {
        super(message);
    }
}
