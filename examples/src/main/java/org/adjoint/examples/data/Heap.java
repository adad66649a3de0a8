package org.adjoint.examples.data;

import java.util.Locale;

/**
 * Whether data a header promises can fit in the JVM's heap at all, checked before it is read, so
 * that a forged header, a gzip bomb or a sparse file is refused with a message rather than an
 * {@link OutOfMemoryError} once the data has arrived.
 */
final class Heap {

    private Heap() {
    }

    /** True if {@code bytes} are at most the JVM's maximum heap ({@code -Xmx}). */
    static boolean holds(long bytes) {
        return bytes <= Runtime.getRuntime().maxMemory();
    }

    /** For a message: "need 6.3 GB to load, more than the JVM's maximum heap of 5.9 GB (-Xmx)". */
    static String tooLarge(long bytes) {
        return String.format(Locale.ROOT, "need %.1f GB to load, more than the JVM's maximum heap of %.1f GB (-Xmx)",
                bytes / 1e9, Runtime.getRuntime().maxMemory() / 1e9);
    }
}
