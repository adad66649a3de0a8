package org.adjoint.verify;

/** Thrown by {@link Property#assume} to discard the current case; the runner catches it. */
final class DiscardedCase extends RuntimeException {

    private static final long serialVersionUID = 1L;

    DiscardedCase() {
        // Thrown once per discarded case, so skip the costly stack trace; nobody ever sees it.
        super("case discarded by Property.assume", null, false, false);
    }
}
