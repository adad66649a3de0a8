package org.adjoint.core.io;

import java.io.IOException;

/**
 * A file that exists but cannot be what it claims to be: truncated, corrupt, of another format, or
 * with fields that contradict each other. The message names the file and, where known, the entry or
 * offset and what was expected there.
 */
public class MalformedFileException extends IOException {

    private static final long serialVersionUID = 1L;

    /** An exception whose message names the file and the problem. */
    public MalformedFileException(String message) {
        super(message);
    }

    /** An exception whose message names the file and the problem, caused by a lower-level failure. */
    public MalformedFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
