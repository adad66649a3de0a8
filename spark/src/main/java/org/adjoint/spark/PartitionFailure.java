package org.adjoint.spark;

/**
 * An exception thrown while a task evaluated or read one partition, carrying the partition's index
 * in its message and the original exception as its cause, so that the driver can report both (see
 * {@link Failures}).
 */
final class PartitionFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    PartitionFailure(int partition, RuntimeException cause) {
        super(cause.getMessage() != null && cause.getMessage().startsWith("partition " + partition)
                ? cause.getMessage() : "partition " + partition + ": " + cause, cause);
    }
}
