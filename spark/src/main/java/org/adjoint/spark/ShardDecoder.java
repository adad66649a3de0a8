package org.adjoint.spark;

import java.io.Serializable;
import java.util.List;

/**
 * Turns one partition's rows, of the user's own type, into one shard (for example a {@link Block}),
 * inside the task that reads the partition. It is shipped to the executors, so it must be
 * serializable: a lambda capturing only numbers, strings, arrays or records of those is.
 * An exception it throws is reported on the driver with the partition's index.
 *
 * @param <T> the rows' type
 * @param <S> the shard type the loss reads
 */
@FunctionalInterface
public interface ShardDecoder<T, S> extends Serializable {

    /** The shard made of {@code rows}, the partition's rows in order (never empty). */
    S decode(List<T> rows);
}
