package org.adjoint.autodiff;

/**
 * Thrown by {@link Backward} when asked for the gradient with respect to variables the output was not
 * computed from (PyTorch's "appears to not have been used in the graph"), unless
 * {@link Backward#allowingUnused()} asks for zeros. It names their positions among the variables
 * given, so that a caller holding names (such as {@code nn.Variables}) can name them in turn.
 */
public final class UnusedVariableException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** The positions, among the variables given, of those the output was not computed from. */
    private final int[] positions;

    /** An exception for the variables at {@code positions} (in the order given to the gradient call). */
    public UnusedVariableException(String message, int[] positions) {
        super(java.util.Objects.requireNonNull(message, "message"));
        this.positions = java.util.Objects.requireNonNull(positions, "positions").clone();
    }

    /** The positions, among the variables given to the gradient call, of those the output does not use. */
    public int[] positions() {
        return positions.clone();
    }
}
