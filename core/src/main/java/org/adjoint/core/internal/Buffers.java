package org.adjoint.core.internal;

import java.lang.ref.SoftReference;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.adjoint.core.Tensor;

/**
 * Recycles the arrays of tensors that a computation proves dead, so that the next result of the
 * same size is written into memory that is still in cache. Internal: exported to
 * {@code org.adjoint.autodiff} only, whose first-order backward sweep is the one user.
 *
 * <p>Why: a new Java array is zeroed and, on a heap larger than the caches, written to memory that
 * is not in any cache. An elementwise op on 5,000 doubles took 2.1 µs into a new array and 0.6 µs
 * into a reused one on the development machine, so a gradient whose sweep makes a dozen such arrays
 * spent most of its time allocating. PyTorch's caching allocator reuses freed blocks, knowing from
 * reference counts when a block is free; the JVM says nothing of the kind, so the owner of the
 * tensors has to say it.
 *
 * <p>How: while a {@link Scope} is open on a thread, the elementwise kernels (which write every
 * element of their result) take their result arrays of at least {@value #MIN_LENGTH} elements from
 * it: a freed array of the same length if there is one, else a new one, and either way the scope
 * <em>owns</em> it. A scope counts at most {@value #OWNED} arrays at a time, found by a scan of their
 * references: hashing a new array (its identity hash) cost about what reusing a 4 KB one saves. Past
 * that it forgets one, which the garbage collector then takes. The owner reports every live place it
 * stores a tensor ({@link Scope#retain}) and every place it drops one ({@link Scope#release}); an
 * owned array whose count falls to 0 is freed for reuse. Counts go by array, not by tensor, because
 * tensors share arrays (a reshape). An array the scope did not allocate, or one {@link Scope#pin
 * pinned} because it may escape, is never recycled; so a missed {@code retain} can only be wrong for
 * arrays the owner handed out itself, which is why the one owner is the backward sweep, for tensors
 * made by the library's own rules.
 * Scopes nest (a rule that runs a backward pass of its own opens an inner scope, whose arrays never
 * mix with the outer one's).
 */
public final class Buffers {

    /** Arrays shorter than this are never recycled: they are cheap to allocate and not worth a count. */
    public static final int MIN_LENGTH = 256;

    /** How many owned arrays a scope counts at a time (see {@link Scope}). */
    private static final int OWNED = 64;

    /**
     * The most bytes of freed arrays a thread keeps between scopes for the next ones (system property
     * {@code adjoint.buffers.keepBytes}; 0 keeps none once a scope closes). They are held softly: the
     * garbage collector clears them before it would run out of memory.
     */
    public static final long KEEP_BYTES = Long.getLong("adjoint.buffers.keepBytes", 16L << 20);

    private static final ThreadLocal<Scope> CURRENT = new ThreadLocal<>();
    /** Each thread's freed arrays by length, kept across scopes up to {@link #KEEP_BYTES}, softly. */
    private static final ThreadLocal<SoftReference<FreeArrays>> FREE = new ThreadLocal<>();
    private static volatile Function<Tensor, double[]> data;

    private Buffers() {
    }

    /** Called once by {@link Tensor}'s initializer, which alone can read a tensor's array. */
    public static void install(Function<Tensor, double[]> access) {
        if (data != null) {
            throw new IllegalStateException("Buffers: the tensor access is already installed");
        }
        data = Objects.requireNonNull(access, "access");
    }

    /**
     * A result array of {@code length} elements, all zero, for a kernel that writes only some of them:
     * from the current scope when one is open and the array is long enough (cleared if recycled), else new.
     */
    public static double[] allocateZeroed(int length) {
        if (length < MIN_LENGTH) {
            return new double[length];
        }
        Scope scope = CURRENT.get();
        if (scope == null) {
            return new double[length];
        }
        double[] array = scope.allocate(length);
        Arrays.fill(array, 0);
        return array;
    }

    /** Opens a scope on this thread; close it (try-with-resources) on the same thread. */
    public static Scope open() {
        SoftReference<FreeArrays> kept = FREE.get();
        FreeArrays free = kept == null ? null : kept.get();
        if (free == null) {
            free = new FreeArrays();
            FREE.set(new SoftReference<>(free));
        }
        Scope scope = new Scope(CURRENT.get(), free);
        CURRENT.set(scope);
        return scope;
    }

    /**
     * A result array of {@code length} elements for a kernel that writes every one of them: from the
     * current scope when one is open and the array is long enough, else new.
     */
    public static double[] allocate(int length) {
        if (length < MIN_LENGTH) {
            return new double[length];
        }
        Scope scope = CURRENT.get();
        return scope == null ? new double[length] : scope.allocate(length);
    }

    /** The arrays one computation on one thread allocated, their reference counts, and the freed ones. */
    public static final class Scope implements AutoCloseable {

        private final Scope outer;
        private final Thread thread = Thread.currentThread();
        /**
         * Owned arrays and how many live places hold them, at most {@value #OWNED} (a computation rarely
         * holds more at once, and a scan of a few references costs less than hashing a new array). When
         * the table is full the next array takes the place of one, which the scope then forgets: left to
         * the garbage collector, never recycled.
         */
        private final double[][] ownedArrays = new double[OWNED][];
        private final int[] ownedCounts = new int[OWNED];
        private int ownedSize;
        /** The entry the next array replaces when the table is full (round robin). */
        private int victim;
        private final FreeArrays free;
        private boolean closed;

        private Scope(Scope outer, FreeArrays free) {
            this.outer = outer;
            this.free = free;
        }

        private double[] allocate(int length) {
            double[] array = free.take(length);
            if (array == null) {
                array = new double[length];
            }
            int i = victim;
            if (ownedSize < OWNED) {
                i = ownedSize++;
            } else {
                victim = (victim + 1) % OWNED;
            }
            ownedArrays[i] = array;
            ownedCounts[i] = 0;
            return array;
        }

        /** {@code t} is now held in one more live place. */
        public void retain(Tensor t) {
            count(t, 1, false);
        }

        /** One live place that held {@code t} no longer does; its array is freed when no place holds it. */
        public void release(Tensor t) {
            count(t, -1, true);
        }

        /** {@code t} was never stored and is dropped: its array is freed if no place holds it. */
        public void discard(Tensor t) {
            count(t, 0, true);
        }

        /** {@code t}'s array may be kept by code that does not report to this scope: never recycle it. */
        public void pin(Tensor t) {
            double[] array = array(t);
            if (array == null) {
                return;
            }
            int i = indexOf(array);
            if (i >= 0) {
                removeAt(i);
            }
        }

        /** Adds {@code delta} to the count of {@code t}'s array if owned; with {@code free}, frees it at 0. */
        private void count(Tensor t, int delta, boolean free) {
            double[] array = array(t);
            if (array == null) {
                return;
            }
            int i = indexOf(array);
            if (i >= 0 && (ownedCounts[i] += delta) <= 0 && free) {
                removeAt(i);
                this.free.put(array);
            }
        }

        private int indexOf(double[] array) {
            for (int i = ownedSize - 1; i >= 0; i--) {
                if (ownedArrays[i] == array) {
                    return i;
                }
            }
            return -1;
        }

        private void removeAt(int i) {
            int last = --ownedSize;
            ownedArrays[i] = ownedArrays[last];
            ownedCounts[i] = ownedCounts[last];
            ownedArrays[last] = null;
        }

        private double[] array(Tensor t) {
            return t.size() < MIN_LENGTH ? null : data.apply(t);
        }

        /** Ends the scope; arrays still owned are left to the garbage collector, freed ones to the next scope. */
        @Override
        public void close() {
            if (closed) {
                return;
            }
            if (Thread.currentThread() != thread || CURRENT.get() != this) {
                throw new IllegalStateException("Buffers: a scope must be closed on its thread, innermost first");
            }
            closed = true;
            Arrays.fill(ownedArrays, 0, ownedSize, null);
            ownedSize = 0;
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }

    /** One thread's freed arrays by length, at most {@link #KEEP_BYTES} in all; beyond that, dropped. */
    private static final class FreeArrays {
        private final Map<Integer, ArrayDeque<double[]>> byLength = new HashMap<>();
        private long bytes;

        double[] take(int length) {
            ArrayDeque<double[]> arrays = byLength.get(length);
            double[] array = arrays == null ? null : arrays.poll();
            if (array != null) {
                bytes -= 8L * length;
            }
            return array;
        }

        void put(double[] array) {
            if (bytes + 8L * array.length <= KEEP_BYTES) {
                byLength.computeIfAbsent(array.length, n -> new ArrayDeque<>()).push(array);
                bytes += 8L * array.length;
            }
        }
    }
}
