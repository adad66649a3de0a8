package org.adjoint.autodiff;

/**
 * Thrown by a backward pass in anomaly-detection mode ({@link Backward#detectingAnomalies()}) when a
 * NaN or infinity first appears, naming the operation that produced it and its input shapes.
 */
public final class AnomalyException extends ArithmeticException {

    private static final long serialVersionUID = 1L;

    /** An exception with a message naming the op and shapes. */
    public AnomalyException(String message) {
        super(message);
    }
}
