package org.adjoint.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.adjoint.core.io.Idx;

/** Builds small IDX files for tests, well-formed or forged. */
public final class IdxFiles {

    private IdxFiles() {
    }

    /** An image file's bytes: header (magic 2051, count, rows, cols) and then {@code pixels}. */
    public static byte[] images(int count, int rows, int cols, byte[] pixels) {
        return ByteBuffer.allocate(16 + pixels.length).putInt(Idx.IMAGES_MAGIC).putInt(count).putInt(rows).putInt(cols)
                .put(pixels).array();
    }

    /** A label file's bytes: header (magic 2049, count) and then {@code labels}. */
    public static byte[] labels(int count, byte[] labels) {
        return ByteBuffer.allocate(8 + labels.length).putInt(Idx.LABELS_MAGIC).putInt(count).put(labels).array();
    }

    /** Pixel bytes {@code (seed + 37·i) mod 256}, so that every byte value turns up. */
    public static byte[] pattern(int length, int seed) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (seed + 37 * i);
        }
        return b;
    }

    /** {@code content} gzip'd. */
    public static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream z = new GZIPOutputStream(out)) {
            z.write(content);
        }
        return out.toByteArray();
    }

    /** Writes {@code content} to {@code dir/name}, gzip'd if {@code gzip}. */
    public static Path write(Path dir, String name, byte[] content, boolean gzip) throws IOException {
        return Files.write(dir.resolve(name), gzip ? gzip(content) : content);
    }
}
