package org.adjoint.spark;

import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;

/**
 * Turns Spark's job failures into clear exceptions on the driver, and checks that what is shipped to
 * the executors serializes before any job runs.
 */
final class Failures {

    private Failures() {
    }

    /**
     * The exception to throw for a failed job: Spark wraps a task's exception in a
     * {@code SparkException}; the partition's failure found in the causes becomes an
     * {@link IllegalArgumentException} (for bad data or arguments) or an {@link IllegalStateException}
     * (anything else) whose message names the operation, the partition and the row.
     */
    static RuntimeException of(String operation, Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PartitionFailure failure) {
                Throwable cause = failure.getCause();
                String message = operation + ": " + failure.getMessage();
                return cause instanceof IllegalArgumentException
                        ? new IllegalArgumentException(message, cause) : new IllegalStateException(message, cause);
            }
        }
        if (e instanceof IllegalArgumentException | e instanceof IllegalStateException) {
            return (RuntimeException) e;
        }
        return new IllegalStateException(operation + ": the Spark job failed: " + e.getMessage(), e);
    }

    /**
     * Checks that {@code value} serializes, as Spark will need.
     *
     * @throws IllegalArgumentException naming {@code what} and the class that does not serialize
     */
    static void requireSerializable(String operation, String what, Object value) {
        try (ObjectOutputStream out = new ObjectOutputStream(OutputStream.nullOutputStream())) {
            out.writeObject(value);
        } catch (IOException e) {
            throw new IllegalArgumentException(operation + ": the " + what + " is not serializable (" + e
                    + "); a lambda must capture only serializable values — not a Tensor, a Var or `this`", e);
        }
    }
}
