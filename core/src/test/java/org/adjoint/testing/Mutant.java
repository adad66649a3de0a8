package org.adjoint.testing;

/**
 * A damaged, forged or foreign file to feed to a loader: what kind of damage, what exactly was done
 * (enough to rebuild the input from the good file), and the bytes.
 *
 * @param kind  the kind of damage
 * @param what  what was done, such as {@code "cut to 17 bytes"} or {@code "bits 3 of byte 40"}
 * @param bytes the file's content
 */
public record Mutant(Kind kind, String what, byte[] bytes) {

    /** The kinds of damage a loader is fed. */
    public enum Kind {
        /** The good file cut short. */
        TRUNCATED,
        /** The good file with a few bits flipped. */
        FLIPPED,
        /** A file whose header fields (lengths, counts, shapes, types) lie, checksums kept consistent where there are any. */
        FORGED,
        /** A file of another format, or not a file at all. */
        WRONG_TYPE
    }

    @Override
    public String toString() {
        return kind + " (" + what + ", " + bytes.length + " bytes)";
    }
}
