package org.adjoint.optim.sharded;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Runs one piece of work per shard on up to a given number of threads, the caller included, and
 * returns the results in shard order, so that whatever adds them up afterwards sees the same list
 * whichever thread finished first.
 *
 * <p>The threads besides the caller come from one pool shared by every objective and trainer of the
 * JVM: daemon threads, started when first needed and reused by later calls (a minimizer evaluates
 * thousands of times, and starting threads on each call would cost more than a small evaluation),
 * ending after 10 s without work. So nothing needs closing and no thread outlives
 * its use by more than that. The caller and the helpers claim shards one at a time from a shared
 * counter: the caller never waits for a helper that has not started, it runs the shards itself.
 */
public final class ShardRunner {

    /** How long an idle helper thread lives. */
    static final long IDLE_SECONDS = 10;

    private static final ExecutorService HELPERS = helpers();

    private ShardRunner() {
    }

    private static ExecutorService helpers() {
        AtomicInteger count = new AtomicInteger();
        return new ThreadPoolExecutor(0, Integer.MAX_VALUE, IDLE_SECONDS, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, "adjoint-shard-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * {@code work.apply(s)} for every shard s in {@code [0, shards)}, on up to {@code threads}
     * threads, the results in shard order, in a new list the caller may change.
     *
     * @throws ShardFailureException naming the lowest-index shard whose work threw (every shard is
     *                               run even so), with what it threw as the cause
     * @throws IllegalArgumentException if {@code shards} or {@code threads} is less than 1
     */
    public static <R> List<R> map(int shards, int threads, IntFunction<R> work) {
        Objects.requireNonNull(work, "work");
        if (shards < 1 || threads < 1) {
            throw new IllegalArgumentException("ShardRunner.map: " + shards + " shards on " + threads
                    + " threads; need at least 1 of each");
        }
        Batch<R> batch = new Batch<>(shards, work);
        int helpers = Math.min(threads, shards) - 1;
        for (int h = 0; h < helpers; h++) {
            HELPERS.execute(batch::claimAll);
        }
        batch.claimAll();
        batch.awaitAll();
        return batch.results();
    }

    /** One call's shards, claimed one at a time from a counter by the caller and the helpers. */
    private static final class Batch<R> {
        private final IntFunction<R> work;
        private final Object[] results;
        private final RuntimeException[] failures;
        private final AtomicInteger next = new AtomicInteger();
        private final CountDownLatch done;

        Batch(int shards, IntFunction<R> work) {
            this.work = work;
            this.results = new Object[shards];
            this.failures = new RuntimeException[shards];
            this.done = new CountDownLatch(shards);
        }

        void claimAll() {
            for (int s = next.getAndIncrement(); s < results.length; s = next.getAndIncrement()) {
                try {
                    results[s] = work.apply(s);
                } catch (RuntimeException | Error e) {
                    failures[s] = e instanceof ShardFailureException f ? f
                            : new ShardFailureException(s, "shard " + s + " of " + results.length + " failed: " + e, e);
                } finally {
                    done.countDown();
                }
            }
        }

        void awaitAll() {
            boolean interrupted = false;
            while (true) {
                try {
                    done.await();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        @SuppressWarnings("unchecked")
        List<R> results() {
            for (RuntimeException f : failures) {
                if (f != null) {
                    throw f;
                }
            }
            return (List<R>) new ArrayList<>(Arrays.asList(results));
        }
    }
}
