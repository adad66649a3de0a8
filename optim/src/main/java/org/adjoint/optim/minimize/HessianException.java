package org.adjoint.optim.minimize;

/** A Hessian that a method could not use; the run stops with {@link StopReason#SINGULAR_HESSIAN}. */
final class HessianException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    HessianException(String message) {
        super(message);
    }
}
