package org.adjoint.core.io;

import java.util.Locale;

/**
 * Whether data a header promises can fit in the JVM's heap, checked before it is read, so that a
 * forged header, a gzip bomb or a sparse file is refused with a message rather than an
 * {@link OutOfMemoryError} once the data has arrived. What counts is the heap free now: the maximum
 * heap ({@code -Xmx}) less what is in use, after a garbage collection if the data seems not to fit.
 */
final class FreeHeap {

    private FreeHeap() {
    }

    /** True if {@code bytes} fit in the heap free now. */
    static boolean holds(long bytes) {
        return bytes <= free(bytes);
    }

    /**
     * For a message: "need 6.3 GB to load, more than the JVM's maximum heap of 5.9 GB (-Xmx) has free
     * (5.1 GB)".
     */
    static String tooLarge(long bytes) {
        return String.format(Locale.ROOT, "need %.1f GB to load, more than the JVM's maximum heap of %.1f GB (-Xmx)"
                + " has free (%.1f GB)", bytes / 1e9, Runtime.getRuntime().maxMemory() / 1e9, free(bytes) / 1e9);
    }

    /** The heap free for {@code needed} bytes; memory in use may be garbage, so a load that seems not to fit collects first. */
    private static long free(long needed) {
        Runtime runtime = Runtime.getRuntime();
        long free = runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
        if (needed > free && needed <= runtime.maxMemory()) {
            System.gc();
            free = runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
        }
        return free;
    }
}
