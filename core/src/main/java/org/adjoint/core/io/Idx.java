package org.adjoint.core.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Objects;
import org.adjoint.core.Shape;
import org.adjoint.core.Tensor;

import org.adjoint.core.data.Examples;

/**
 * The IDX files of MNIST and Fashion-MNIST, plain or gzip'd (recognised by the gzip magic bytes, not
 * by the file name).
 *
 * <p>An image file is a big-endian header — magic {@code 0x00000803} (2051: unsigned bytes, 3
 * dimensions), image count, rows, columns — followed by {@code count × rows × cols} unsigned bytes,
 * row-major. A label file is magic {@code 0x00000801} (2049: unsigned bytes, 1 dimension), the count,
 * then one unsigned byte per label. Headers are checked against what the file really holds before
 * any large array is allocated, and every {@link MalformedFileException} names the file, the byte
 * offset and what was expected there. Data that could not fit in the heap free now (images take a
 * byte and a double per pixel while they load, labels a byte and an int each) is refused before it
 * is read, so that a gzip bomb or a sparse file fails with a message, not an {@link OutOfMemoryError}.
 */
public final class Idx {

    /** Magic number of an IDX file of unsigned bytes with 3 dimensions (images). */
    public static final int IMAGES_MAGIC = 0x00000803;
    /** Magic number of an IDX file of unsigned bytes with 1 dimension (labels). */
    public static final int LABELS_MAGIC = 0x00000801;

    static final int MAX_COUNT = 100_000_000;
    static final int MAX_SIDE = 4096;
    private static final int IMAGES_HEADER = 16;
    private static final int LABELS_HEADER = 8;

    private Idx() {
    }

    /**
     * The images of an IDX image file as an {@code [n, rows·cols]} tensor, each pixel {@code byte / 255}.
     *
     * @throws MalformedFileException if the magic number is wrong, a dimension is out of range, the
     *     data is shorter or longer than the header says, or the gzip stream is corrupt
     */
    public static Tensor readImages(Path file) throws IOException {
        try (ByteReader in = ByteReader.open(file)) {
            return readImages(in);
        }
    }

    /**
     * {@link #readImages(Path)} from a stream, plain or gzip'd, such as a resource; {@code name} names
     * it in messages. The stream is closed.
     *
     * @throws MalformedFileException as {@link #readImages(Path)}
     */
    public static Tensor readImages(InputStream stream, String name) throws IOException {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(name, "name");
        try (ByteReader in = ByteReader.open(stream, name)) {
            return readImages(in);
        }
    }

    private static Tensor readImages(ByteReader in) throws IOException {
        String file = in.file();
        String header = "expected at least " + IMAGES_HEADER + " bytes (IDX image header: magic, count, rows, cols)";
        checkMagic(in, IMAGES_MAGIC, header);
        int count = dimension(in, "image count", MAX_COUNT, header);
        int rows = dimension(in, "rows", MAX_SIDE, header);
        int cols = dimension(in, "cols", MAX_SIDE, header);
        long pixels = (long) count * rows * cols;
        if (pixels > Integer.MAX_VALUE - 8) {
            throw new MalformedFileException(file + ": " + count + " images × " + rows + "×" + cols + " = " + pixels
                    + " pixels, more than one array can hold");
        }
        String expected = "expected " + (IMAGES_HEADER + pixels) + " bytes (header " + IMAGES_HEADER + " + "
                + count + " images × " + rows + "×" + cols + ")";
        in.requireSize(IMAGES_HEADER + pixels, expected);
        if (!FreeHeap.holds(9 * pixels)) {
            throw new MalformedFileException(file + ": " + count + " images × " + rows + "×" + cols + " (a byte and a"
                    + " double per pixel) " + FreeHeap.tooLarge(9 * pixels));
        }
        byte[] bytes = in.readBytes((int) pixels, expected);
        in.requireEnd(expected);
        return Pixels.tensor(Shape.of(count, rows * cols), bytes);
    }

    /**
     * The labels of an IDX label file, each an unsigned byte 0..255 kept as it is.
     *
     * @throws MalformedFileException if the magic number is wrong, the count is out of range, the
     *     data is shorter or longer than the header says, or the gzip stream is corrupt
     */
    public static int[] readLabels(Path file) throws IOException {
        try (ByteReader in = ByteReader.open(file)) {
            return readLabels(in);
        }
    }

    /**
     * {@link #readLabels(Path)} from a stream, plain or gzip'd, such as a resource; {@code name} names
     * it in messages. The stream is closed.
     *
     * @throws MalformedFileException as {@link #readLabels(Path)}
     */
    public static int[] readLabels(InputStream stream, String name) throws IOException {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(name, "name");
        try (ByteReader in = ByteReader.open(stream, name)) {
            return readLabels(in);
        }
    }

    private static int[] readLabels(ByteReader in) throws IOException {
        String file = in.file();
        String header = "expected at least " + LABELS_HEADER + " bytes (IDX label header: magic, count)";
        checkMagic(in, LABELS_MAGIC, header);
        int count = dimension(in, "label count", MAX_COUNT, header);
        String expected = "expected " + (LABELS_HEADER + (long) count) + " bytes (header " + LABELS_HEADER
                + " + " + count + " labels)";
        in.requireSize(LABELS_HEADER + (long) count, expected);
        if (!FreeHeap.holds(5L * count)) {
            throw new MalformedFileException(file + ": " + count + " labels (a byte and an int each) "
                    + FreeHeap.tooLarge(5L * count));
        }
        byte[] bytes = in.readBytes(count, expected);
        in.requireEnd(expected);
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = bytes[i] & 0xFF;
        }
        return labels;
    }

    /**
     * The images of one file labeled by another: rows of {@link #readImages}, labels of {@link #readLabels}.
     *
     * @throws MalformedFileException if either file is malformed or their counts differ
     */
    public static Examples read(Path images, Path labels) throws IOException {
        Objects.requireNonNull(labels, "labels");
        Tensor inputs = readImages(images);
        int[] classes = readLabels(labels);
        int n = inputs.shape().dim(0);
        if (n != classes.length) {
            throw new MalformedFileException(images + " holds " + n + " images but " + labels + " holds "
                    + classes.length + " labels; the counts must agree");
        }
        return Examples.labeled(inputs, classes);
    }

    private static void checkMagic(ByteReader in, int magic, String header) throws IOException {
        int found = in.readInt(header);
        if (found != magic) {
            throw new MalformedFileException(in.file() + ": bad magic number at byte offset 0: expected "
                    + hex(magic) + " (" + magic + ") but found " + hex(found) + " (" + found + ")"
                    + (found == (magic ^ 2) ? "; image and label files swapped?" : ""));
        }
    }

    private static int dimension(ByteReader in, String name, int max, String header) throws IOException {
        long at = in.offset();
        int value = in.readInt(header);
        if (value < 1 || value > max) {
            throw new MalformedFileException(in.file() + ": " + name + " " + Integer.toUnsignedString(value)
                    + " at byte offset " + at + " is out of range; expected 1.." + max);
        }
        return value;
    }

    private static String hex(int value) {
        return String.format("0x%08x", value);
    }
}
