package org.adjoint.core;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;

/**
 * Splits a kernel's loop between the calling thread and helper threads, so that large products and
 * elementwise operations use every core.
 *
 * <p>Kernels here take tens of microseconds to a few milliseconds, comparable to the time a parked
 * thread takes to wake up (about 50 µs on the development machine). So, as OpenMP runtimes do,
 * helpers spin for a while ({@value #SPIN_NANOS} ns) after each task before they park, ready for the
 * next kernel of the same computation. The loop is cut into a few chunks per thread, which the
 * caller and the helpers claim from a shared counter, so the caller never waits for a helper that
 * has not started (it runs the chunks itself) and a thread that falls behind is made up for by the
 * others. A helper that is busy with another caller's work is simply not used, so concurrent callers
 * on different threads never block each other.
 *
 * <p>The number of threads, caller included, is the number of available processors, or the system
 * property {@code adjoint.threads} (1 turns parallelism off). Helpers are daemon threads started on
 * first use.
 */
final class Parallel {

    /** How long an idle helper spins before parking: a few kernels' worth. */
    static final long SPIN_NANOS = 1_000_000;

    /** Threads a loop is split across, the caller included. */
    static final int THREADS = threads();

    /** A loop body over the index range {@code [from, to)}. */
    @FunctionalInterface
    interface Range {
        void run(int from, int to);
    }

    private Parallel() {
    }

    private static int threads() {
        int available = Runtime.getRuntime().availableProcessors();
        return Math.max(1, Integer.getInteger("adjoint.threads", available));
    }

    /**
     * Runs {@code body} over {@code [0, n)} in contiguous chunks whose boundaries are multiples of
     * {@code grain}, spread over up to {@link #THREADS} threads. Returns when every chunk has run; an
     * exception thrown by a chunk is rethrown here.
     */
    static void forRange(int n, int grain, Range body) {
        int grains = (n + grain - 1) / grain;
        if (THREADS == 1 || grains <= 1) {
            body.run(0, n);
            return;
        }
        Helpers.INSTANCE.run(new Job(body, n, grain, Math.min(grains, CHUNKS_PER_THREAD * THREADS)));
    }

    /** Chunks per thread: more than one, so that a thread that falls behind is made up for by the others. */
    private static final int CHUNKS_PER_THREAD = 4;

    /**
     * One loop, split into chunks that the caller and the helpers claim one at a time from a shared
     * counter until none are left.
     */
    private static final class Job {
        private static final VarHandle NEXT;
        private static final VarHandle FINISHED;

        static {
            try {
                MethodHandles.Lookup lookup = MethodHandles.lookup();
                NEXT = lookup.findVarHandle(Job.class, "next", int.class);
                FINISHED = lookup.findVarHandle(Job.class, "finished", int.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        private final Range body;
        private final int n;
        private final int grains;
        private final int grain;
        private final int chunks;
        @SuppressWarnings("unused") // accessed through NEXT
        private int next;
        @SuppressWarnings("unused") // accessed through FINISHED
        private int finished;
        private volatile Throwable failure;

        Job(Range body, int n, int grain, int chunks) {
            this.body = body;
            this.n = n;
            this.grain = grain;
            this.grains = (n + grain - 1) / grain;
            this.chunks = chunks;
        }

        /** Claims and runs chunks until none are left. */
        void work() {
            for (int c = (int) NEXT.getAndAdd(this, 1); c < chunks; c = (int) NEXT.getAndAdd(this, 1)) {
                int from = Math.min(n, (int) ((long) grains * c / chunks) * grain);
                int to = Math.min(n, (int) ((long) grains * (c + 1) / chunks) * grain);
                try {
                    body.run(from, to);
                } catch (Throwable t) {
                    failure = t;
                }
                FINISHED.getAndAdd(this, 1);
            }
        }

        /** Waits, spinning, for the chunks other threads are still running. */
        void awaitAll() {
            while ((int) FINISHED.getVolatile(this) < chunks) {
                Thread.onSpinWait();
            }
        }

        void rethrowFailure() {
            Throwable t = failure;
            if (t instanceof RuntimeException e) {
                throw e;
            }
            if (t instanceof Error e) {
                throw e;
            }
            if (t != null) {
                throw new IllegalStateException("parallel kernel failed", t);
            }
        }
    }

    /** The helper threads, one fewer than {@link #THREADS}. */
    private static final class Helpers {
        static final Helpers INSTANCE = new Helpers();

        private final Helper[] helpers = new Helper[THREADS - 1];

        private Helpers() {
            for (int i = 0; i < helpers.length; i++) {
                helpers[i] = new Helper(i + 1);
            }
        }

        /** Offers the job to every helper that is free, works on it too, and waits for it to finish. */
        void run(Job job) {
            for (Helper helper : helpers) {
                int previous = helper.claim();
                if (previous != Helper.BUSY) {
                    helper.hand(job, previous == Helper.SLEEPING);
                }
            }
            job.work();
            job.awaitAll();
            job.rethrowFailure();
        }
    }

    /**
     * A helper thread. States: IDLE (spinning, waiting for work), SLEEPING (parked) and BUSY (claimed
     * by a caller, which hands it a job).
     */
    private static final class Helper implements Runnable {
        static final int IDLE = 0;
        static final int SLEEPING = 1;
        static final int BUSY = 2;
        private static final VarHandle STATE;
        private static final VarHandle TASK;

        static {
            try {
                MethodHandles.Lookup lookup = MethodHandles.lookup();
                STATE = lookup.findVarHandle(Helper.class, "state", int.class);
                TASK = lookup.findVarHandle(Helper.class, "task", Job.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        private final Thread thread;
        @SuppressWarnings("unused") // accessed through STATE
        private int state = IDLE;
        @SuppressWarnings("unused") // accessed through TASK
        private Job task;

        Helper(int index) {
            thread = new Thread(this, "adjoint-kernel-" + index);
            thread.setDaemon(true);
            thread.start();
        }

        /**
         * Reserves this helper for one job: returns the state it was in, IDLE or SLEEPING if the
         * reservation succeeded, BUSY if another caller is using it.
         */
        int claim() {
            if (STATE.compareAndSet(this, IDLE, BUSY)) {
                return IDLE;
            }
            return STATE.compareAndSet(this, SLEEPING, BUSY) ? SLEEPING : BUSY;
        }

        /** Gives the claimed helper its job, waking it if it was parked. */
        void hand(Job job, boolean asleep) {
            TASK.setRelease(this, job);
            if (asleep) {
                LockSupport.unpark(thread);
            }
        }

        @Override
        public void run() {
            while (true) {
                Job job = awaitTask();
                job.work();
                TASK.setRelease(this, null);
                STATE.setRelease(this, IDLE);
            }
        }

        private Job awaitTask() {
            long deadline = System.nanoTime() + SPIN_NANOS;
            while (true) {
                Job job = (Job) TASK.getAcquire(this);
                if (job != null) {
                    return job;
                }
                if (System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                } else if (STATE.compareAndSet(this, IDLE, SLEEPING)) {
                    while ((job = (Job) TASK.getAcquire(this)) == null) {
                        LockSupport.park(this);
                    }
                    return job;
                }
                // Otherwise a caller has just claimed this helper: its job is on the way.
            }
        }
    }
}
