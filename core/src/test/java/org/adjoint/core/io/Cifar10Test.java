package org.adjoint.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.adjoint.core.Shape;

import org.adjoint.core.data.Examples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Cifar10Test {

    @TempDir
    Path dir;

    /**
     * A record whose pixel at plane c, row y, column x is {@code (c·97 + y·32 + x + image) mod 256}, so
     * that a mix-up of planes, rows or columns changes values.
     */
    private static byte[] record(int label, int image) {
        byte[] r = new byte[Cifar10.RECORD];
        r[0] = (byte) label;
        for (int c = 0; c < 3; c++) {
            for (int p = 0; p < 1024; p++) {
                r[1 + c * 1024 + p] = (byte) (c * 97 + p + image);
            }
        }
        return r;
    }

    private static byte[] batch(int... labels) {
        byte[] all = new byte[labels.length * Cifar10.RECORD];
        for (int i = 0; i < labels.length; i++) {
            System.arraycopy(record(labels[i], i), 0, all, i * Cifar10.RECORD, Cifar10.RECORD);
        }
        return all;
    }

    private static double expected(int image, int channel, int y, int x) {
        return ((channel * 97 + y * 32 + x + image) & 0xFF) / 255.0;
    }

    @Test
    void batchRoundTripsWithRedGreenBluePlanes() throws IOException {
        Examples data = Cifar10.readBatch(Files.write(dir.resolve("data_batch_1.bin"), batch(3, 9, 0)));
        assertEquals(Shape.of(3, 3072), data.features().shape());
        assertArrayEquals(new int[] {3, 9, 0}, data.labels());
        for (int image = 0; image < 3; image++) {
            for (int channel = 0; channel < 3; channel++) {
                for (int[] yx : new int[][] {{0, 0}, {0, 31}, {5, 7}, {31, 31}}) {
                    int column = channel * 1024 + yx[0] * 32 + yx[1];
                    assertEquals(expected(image, channel, yx[0], yx[1]), data.features().get(image, column), 0.0,
                            "image " + image + " channel " + channel + " at " + yx[0] + "," + yx[1]);
                }
            }
        }
    }

    @Test
    void readJoinsBatchesInOrder() throws IOException {
        Path a = Files.write(dir.resolve("a.bin"), batch(1, 2));
        Path b = Files.write(dir.resolve("b.bin"), batch(7));
        Examples data = Cifar10.read(List.of(a, b));
        assertArrayEquals(new int[] {1, 2, 7}, data.labels());
        assertEquals(data.features().slice(0, 2, 3), Cifar10.readBatch(b).features());
        assertEquals(data.features().slice(0, 0, 2), Cifar10.readBatch(a).features());
        assertThrows(IllegalArgumentException.class, () -> Cifar10.read(List.of()));
    }

    @Test
    void lengthThatIsNotAPositiveMultipleOfTheRecordIsNamed() throws IOException {
        for (int length : new int[] {0, 100, Cifar10.RECORD + 1, 2 * Cifar10.RECORD - 1}) {
            Path file = Files.write(dir.resolve("bad-" + length + ".bin"), new byte[length]);
            String message = assertThrows(MalformedFileException.class, () -> Cifar10.readBatch(file)).getMessage();
            for (String part : new String[] {"bad-" + length + ".bin", "length " + length, "multiple of 3073"}) {
                assertTrue(message.contains(part), message);
            }
        }
    }

    @Test
    void labelAboveNineIsNamedWithOffsetAndValue() throws IOException {
        Path file = Files.write(dir.resolve("test_batch.bin"), batch(4, 10));
        String message = assertThrows(MalformedFileException.class, () -> Cifar10.readBatch(file)).getMessage();
        for (String part : new String[] {"test_batch.bin", "label 10", "offset 3073"}) {
            assertTrue(message.contains(part), message);
        }
    }

    @Test
    void aFolderIsRefusedNamingIt() {
        FileSystemException e = assertThrows(FileSystemException.class, () -> Cifar10.readBatch(dir));
        assertEquals(dir + ": a folder, not a data file", e.getMessage());
    }

    /** Found while fuzzing: a sparse file of more images than the heap can hold ran out of memory at once. */
    @Test
    void aSparseFileLargerThanTheHeapIsRefusedBeforeItIsRead() throws IOException {
        long images = Runtime.getRuntime().maxMemory() / (8L * Cifar10.PIXELS) + 1;
        Path file = dir.resolve("sparse_batch.bin");
        try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
            out.setLength(images * Cifar10.RECORD);
        }
        String message = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThrows(MalformedFileException.class, () -> Cifar10.readBatch(file))).getMessage();
        assertTrue(message.startsWith(file + ": " + images + " images") && (message.contains("maximum heap")
                || message.contains("more than one array can hold")), message);
    }
}
