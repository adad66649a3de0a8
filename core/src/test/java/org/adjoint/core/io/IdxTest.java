package org.adjoint.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.adjoint.core.Shape;
import org.adjoint.core.Tensor;

import org.adjoint.core.data.Examples;
import org.adjoint.testing.IdxFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdxTest {

    private static final int COUNT = 5;
    private static final int ROWS = 3;
    private static final int COLS = 4;

    @TempDir
    Path dir;

    private static byte[] pixels() {
        return IdxFiles.pattern(COUNT * ROWS * COLS, 11);
    }

    private static byte[] imageFile() {
        return IdxFiles.images(COUNT, ROWS, COLS, pixels());
    }

    private static byte[] labelFile() {
        return IdxFiles.labels(COUNT, new byte[] {0, 9, 3, (byte) 200, 7});
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void imagesRoundTripAsBytesOver255(boolean gzip) throws IOException {
        Tensor images = Idx.readImages(IdxFiles.write(dir, "images", imageFile(), gzip));
        assertEquals(Shape.of(COUNT, ROWS * COLS), images.shape());
        double[] values = images.toArray();
        byte[] expected = pixels();
        for (int i = 0; i < values.length; i++) {
            assertEquals((expected[i] & 0xFF) / 255.0, values[i], 0.0, "pixel " + i);
        }
        assertEquals(expected[2 * ROWS * COLS + COLS + 1] & 0xFF, images.get(2, COLS + 1) * 255, 1e-9,
                "image 2, row 1, column 1 is row-major");
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void labelsRoundTripAsUnsignedBytes(boolean gzip) throws IOException {
        int[] labels = Idx.readLabels(IdxFiles.write(dir, "labels.bin", labelFile(), gzip));
        assertArrayEquals(new int[] {0, 9, 3, 200, 7}, labels);
    }

    @Test
    void gzipIsRecognisedByContentNotByName() throws IOException {
        Path plainNamedGz = IdxFiles.write(dir, "plain.gz", imageFile(), false);
        Path gzipWithoutSuffix = IdxFiles.write(dir, "zipped", imageFile(), true);
        assertEquals(Idx.readImages(plainNamedGz), Idx.readImages(gzipWithoutSuffix));
    }

    @Test
    void readPairsImagesWithLabels() throws IOException {
        Examples data = Idx.read(IdxFiles.write(dir, "i", imageFile(), true), IdxFiles.write(dir, "l", labelFile(), false));
        assertEquals(COUNT, data.size());
        assertArrayEquals(new int[] {0, 9, 3, 200, 7}, data.labels());
        assertEquals((pixels()[ROWS * COLS] & 0xFF) / 255.0, data.features().get(1, 0), 0.0);
    }

    @Test
    void countMismatchNamesBothFilesAndCounts() throws IOException {
        Path images = IdxFiles.write(dir, "imgs-idx3", imageFile(), false);
        Path labels = IdxFiles.write(dir, "labs-idx1", IdxFiles.labels(4, new byte[4]), false);
        String message = assertThrows(MalformedFileException.class, () -> Idx.read(images, labels)).getMessage();
        for (String part : new String[] {"imgs-idx3", "labs-idx1", "5 images", "4 labels"}) {
            assertTrue(message.contains(part), message);
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void truncatedImagesNameFileOffsetAndExpectedLength(boolean gzip) throws IOException {
        byte[] whole = imageFile();
        for (int cut : new int[] {0, 1, 3, 4, 9, 15, 16, 17, 40, whole.length - 1}) {
            Path file = IdxFiles.write(dir, "cut-" + cut + "-images-idx3-ubyte", Arrays.copyOf(whole, cut), gzip);
            String message = assertThrows(MalformedFileException.class, () -> Idx.readImages(file)).getMessage();
            assertTrue(message.contains(file.getFileName().toString()), message);
            assertTrue(message.contains("offset " + cut), message);
            String expected = cut < 16 ? "expected at least 16 bytes" : "expected " + whole.length + " bytes";
            assertTrue(message.contains(expected), message);
        }
    }

    @Test
    void truncatedLabelsNameFileAndOffset() throws IOException {
        byte[] whole = labelFile();
        for (int cut : new int[] {2, 8, whole.length - 1}) {
            Path file = IdxFiles.write(dir, "cut-" + cut + "-labels", Arrays.copyOf(whole, cut), true);
            String message = assertThrows(MalformedFileException.class, () -> Idx.readLabels(file)).getMessage();
            assertTrue(message.contains("cut-" + cut + "-labels") && message.contains("offset " + cut), message);
        }
    }

    @Test
    void cutGzipStreamIsMalformedNotEofException() throws IOException {
        byte[] zipped = IdxFiles.gzip(imageFile());
        for (int cut : new int[] {3, 12, zipped.length / 2, zipped.length - 4}) {
            Path file = Files.write(dir.resolve("broken-" + cut + ".gz"), Arrays.copyOf(zipped, cut));
            String message = assertThrows(MalformedFileException.class, () -> Idx.readImages(file)).getMessage();
            assertTrue(message.contains("broken-" + cut), message);
        }
    }

    @Test
    void trailingBytesAreRejected() throws IOException {
        byte[] longer = Arrays.copyOf(imageFile(), imageFile().length + 1);
        Path file = IdxFiles.write(dir, "long", longer, false);
        String message = assertThrows(MalformedFileException.class, () -> Idx.readImages(file)).getMessage();
        assertTrue(message.contains("offset " + imageFile().length), message);
    }

    @Test
    void wrongMagicNamesFileOffsetZeroExpectedAndFound() throws IOException {
        Path labelsAsImages = IdxFiles.write(dir, "swapped", labelFile(), false);
        String message = assertThrows(MalformedFileException.class, () -> Idx.readImages(labelsAsImages)).getMessage();
        for (String part : new String[] {"swapped", "offset 0", "0x00000803", "0x00000801"}) {
            assertTrue(message.contains(part), message);
        }
        Path text = Files.writeString(dir.resolve("notes.txt"), "hello, world");
        message = assertThrows(MalformedFileException.class, () -> Idx.readLabels(text)).getMessage();
        assertTrue(message.contains("notes.txt") && message.contains("0x00000801"), message);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void forgedHugeCountsFailFastWithoutAllocating(boolean gzip) throws IOException {
        Path maxCount = IdxFiles.write(dir, "max", IdxFiles.images(Integer.MAX_VALUE, 28, 28, new byte[100]), gzip);
        Path maxLabels = IdxFiles.write(dir, "maxl", IdxFiles.labels(Integer.MAX_VALUE, new byte[10]), gzip);
        // Within the count bound: 2,000,000 × 28×28 = 1.5 GB promised, 100 bytes delivered.
        Path plausible = IdxFiles.write(dir, "plausible", IdxFiles.images(2_000_000, 28, 28, new byte[100]), gzip);
        Path labels = IdxFiles.write(dir, "labels", IdxFiles.labels(90_000_000, new byte[10]), gzip);
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            assertTrue(assertThrows(MalformedFileException.class, () -> Idx.readImages(maxCount)).getMessage()
                    .contains("2147483647"));
            assertTrue(assertThrows(MalformedFileException.class, () -> Idx.readLabels(maxLabels)).getMessage()
                    .contains("offset 4"));
            // A plain file's length is known, so it is truncated; a gzip'd promise is first weighed against the heap.
            String tooLarge = "more than the JVM's maximum heap";
            String message = assertThrows(MalformedFileException.class, () -> Idx.readImages(plausible)).getMessage();
            assertTrue(message.contains(gzip && !FreeHeap.holds(9L * 2_000_000 * 28 * 28) ? tooLarge : "truncated at byte offset 116"),
                    message);
            message = assertThrows(MalformedFileException.class, () -> Idx.readLabels(labels)).getMessage();
            assertTrue(message.contains(gzip && !FreeHeap.holds(5L * 90_000_000) ? tooLarge : "truncated at byte offset 18"), message);
        });
    }

    @Test
    void zeroAndOversizedDimensionsAreRejected() throws IOException {
        byte[] zeroRows = ByteBuffer.allocate(16).putInt(Idx.IMAGES_MAGIC).putInt(1).putInt(0).putInt(4).array();
        byte[] wide = ByteBuffer.allocate(16).putInt(Idx.IMAGES_MAGIC).putInt(1).putInt(1).putInt(5000).array();
        for (byte[] content : new byte[][] {zeroRows, wide}) {
            Path file = IdxFiles.write(dir, "dims", content, false);
            String message = assertThrows(MalformedFileException.class, () -> Idx.readImages(file)).getMessage();
            assertTrue(message.contains("out of range") && message.contains("1..4096"), message);
        }
    }

    /** Found by DataFilesFuzzTest: a folder opened, and its first read failed with "Is a directory", naming nothing. */
    @Test
    void aFolderIsRefusedNamingIt() {
        assertEquals(dir + ": a folder, not a data file",
                assertThrows(FileSystemException.class, () -> Idx.readImages(dir)).getMessage());
        assertEquals(dir + ": a folder, not a data file",
                assertThrows(FileSystemException.class, () -> Idx.readLabels(dir)).getMessage());
    }

    /**
     * Found while fuzzing: a 152 KB gzip'd file of 200,000 blank 28×28 images ran out of memory under
     * -Xmx512m (the bytes arrived, then their doubles did not fit). Here the bomb is sized to this JVM's
     * heap: images of 1024×1024, one 1 MB gzip member each, enough that bytes and doubles cannot fit
     * (or, on a heap of over 19 GB, more pixels than one array can hold).
     */
    @Test
    void aGzipBombLargerThanTheHeapIsRefusedBeforeItIsRead() throws IOException {
        int side = 1024;
        int count = (int) Math.min(Runtime.getRuntime().maxMemory() / 9 / (side * side) + 1, 2048);
        byte[] blankImage = IdxFiles.gzip(new byte[side * side]);
        Path file = dir.resolve("bomb-idx3-ubyte.gz");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(IdxFiles.gzip(ByteBuffer.allocate(16).putInt(Idx.IMAGES_MAGIC).putInt(count).putInt(side).putInt(side).array()));
            for (int i = 0; i < count; i++) {
                out.write(blankImage);
            }
        }
        String message = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThrows(MalformedFileException.class, () -> Idx.readImages(file))).getMessage();
        assertTrue(message.startsWith(file + ": " + count + " images × 1024×1024") && (message.contains("maximum heap")
                || message.contains("more than one array can hold")), message);
    }

    /** The same for a plain file whose data is a hole: the file system reads zeros without storing them. */
    @Test
    void aSparseFileLargerThanTheHeapIsRefusedBeforeItIsRead() throws IOException {
        int count = (int) Math.min(Runtime.getRuntime().maxMemory() / 9 / (28 * 28) + 1, (Integer.MAX_VALUE - 8) / (28 * 28));
        Path file = dir.resolve("sparse-idx3-ubyte");
        try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
            out.write(ByteBuffer.allocate(16).putInt(Idx.IMAGES_MAGIC).putInt(count).putInt(28).putInt(28).array());
            out.setLength(16 + (long) count * 28 * 28);
        }
        String message = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThrows(MalformedFileException.class, () -> Idx.readImages(file))).getMessage();
        assertTrue(message.startsWith(file + ": " + count + " images × 28×28") && message.contains("maximum heap"), message);
    }
}
