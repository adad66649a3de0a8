package org.adjoint.core.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.adjoint.core.Shape;

import org.adjoint.core.data.Examples;

/**
 * The binary batches of CIFAR-10 ({@code data_batch_1.bin} … {@code data_batch_5.bin},
 * {@code test_batch.bin}). Each record is one label byte 0..9 followed by a 32×32 colour image as
 * three planes of 1024 unsigned bytes, red then green then blue, each row-major. An image becomes
 * one row of 3072 values {@code byte / 255} in that same order: {@code [R plane, G plane, B plane]}.
 */
public final class Cifar10 {

    /** Values per image: 3 colour planes of 32×32. */
    public static final int PIXELS = 3 * 32 * 32;
    /** Bytes per record: the label, then the pixels. */
    public static final int RECORD = 1 + PIXELS;
    private static final int MAX_RECORDS = (Integer.MAX_VALUE - 8) / PIXELS;

    private Cifar10() {
    }

    /**
     * One batch file as {@code [n, 3072]} inputs and labels 0..9.
     *
     * @throws MalformedFileException if the file's length is not a positive multiple of 3073, its
     *     images could not fit in the heap free now (a byte and a double per pixel while they load), or
     *     a label is above 9
     */
    public static Examples readBatch(Path file) throws IOException {
        return read(List.of(file));
    }

    /**
     * Several batch files joined in the given order, for example the five training batches.
     *
     * @throws IllegalArgumentException if {@code files} is empty, or their images together could not fit
     *     in the JVM's heap
     * @throws MalformedFileException if any file is malformed (see {@link #readBatch})
     */
    public static Examples read(List<Path> files) throws IOException {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("Cifar10.read: no batch files given");
        }
        int[] counts = new int[files.size()];
        long total = 0;
        for (int f = 0; f < counts.length; f++) {
            counts[f] = recordCount(files.get(f));
            total += counts[f];
        }
        if (total > MAX_RECORDS) {
            throw new IllegalArgumentException("Cifar10.read: " + total + " images in " + files.size()
                    + " files, more than one array can hold (" + MAX_RECORDS + ")");
        }
        if (!FreeHeap.holds(bytesToLoad(total))) {
            throw new IllegalArgumentException("Cifar10.read: " + total + " images in " + files.size() + " files "
                    + FreeHeap.tooLarge(bytesToLoad(total)));
        }
        byte[] pixels = new byte[(int) total * PIXELS];
        int[] labels = new int[(int) total];
        int at = 0;
        for (int f = 0; f < counts.length; f++) {
            readRecords(files.get(f), counts[f], pixels, labels, at);
            at += counts[f];
        }
        return Examples.labeled(Pixels.tensor(Shape.of(labels.length, PIXELS), pixels), labels);
    }

    /** What loading {@code images} holds at once: each pixel as a byte and as a double, and each label as an int. */
    private static long bytesToLoad(long images) {
        return images * (9L * PIXELS + 4);
    }

    private static int recordCount(Path file) throws IOException {
        ByteReader.requireNotFolder(file);
        long length = Files.size(file);
        if (length == 0 || length % RECORD != 0) {
            throw new MalformedFileException(file + ": length " + length + " bytes is not a positive multiple of "
                    + RECORD + " (one label byte + " + PIXELS + " pixel bytes per image)");
        }
        if (length / RECORD > MAX_RECORDS) {
            throw new MalformedFileException(file + ": " + length / RECORD + " images, more than one array can hold");
        }
        if (!FreeHeap.holds(bytesToLoad(length / RECORD))) {
            throw new MalformedFileException(file + ": " + length / RECORD + " images of " + PIXELS + " pixels "
                    + FreeHeap.tooLarge(bytesToLoad(length / RECORD)));
        }
        return (int) (length / RECORD);
    }

    /** Reads {@code count} records' pixel bytes into {@code pixels} and labels into {@code labels} from record index {@code at} on. */
    private static void readRecords(Path file, int count, byte[] pixels, int[] labels, int at) throws IOException {
        String expected = "expected " + (long) count * RECORD + " bytes (" + count + " records of " + RECORD + ")";
        try (ByteReader in = ByteReader.openPlain(file)) {
            for (int i = 0; i < count; i++) {
                long offset = in.offset();
                byte[] record = in.readBytes(RECORD, expected);
                int label = record[0] & 0xFF;
                if (label > 9) {
                    throw new MalformedFileException(file + ": label " + label + " at byte offset " + offset
                            + " (record " + i + ") is not a CIFAR-10 class 0..9");
                }
                labels[at + i] = label;
                System.arraycopy(record, 1, pixels, (at + i) * PIXELS, PIXELS);
            }
        }
    }
}
