package org.adjoint.optim.sharded;

import java.util.Objects;
/**
 * The evaluation of one shard failed: its loss threw or was not a scalar. The message
 * names the shard's index (and the operation); the cause, if any, is what the shard's loss threw. When
 * several shards fail in one evaluation, the one with the lowest index is reported, whatever the
 * order in which they ran.
 */
public final class ShardFailureException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The index of the shard that failed, from 0. */
    private final int shard;

    /**
     * A failure of shard {@code shard}.
     *
     * @param shard   the shard's index, from 0
     * @param message what went wrong, naming the shard
     * @param cause   what the shard's loss threw, or null
     */
    public ShardFailureException(int shard, String message, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.shard = shard;
    }

    /** The index of the shard that failed, from 0. */
    public int shard() {
        return shard;
    }
}
