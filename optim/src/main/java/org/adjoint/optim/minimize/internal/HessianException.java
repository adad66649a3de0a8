package org.adjoint.optim.minimize.internal;

/**
 * A Hessian that a method could not use; the descent loop stops the run with
 * {@link org.adjoint.optim.minimize.StopReason#SINGULAR_HESSIAN}.
 */
public final class HessianException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A Hessian that could not be used, for the reason in {@code message}. */
    public HessianException(String message) {
        super(message);
    }
}
