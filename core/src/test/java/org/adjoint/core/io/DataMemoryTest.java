package org.adjoint.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17, item 16: the IDX and CIFAR-10 readers must fit the heap they check against. Each test
 * forks a JVM with a 128 MB heap (see {@link DataSmallHeap}). Before the fix the IDX guard counted a
 * byte and a double per pixel against the maximum heap while the reader also held the copy
 * {@code Tensor.of} makes (17 bytes a pixel), and the CIFAR guard counted one double per pixel
 * while the reader held two: as under -Xmx1g with a 46 KB gzip of 60,000 images, or 20,000 CIFAR
 * records, both passed their guard and ran out of memory.
 */
class DataMemoryTest {

    @TempDir
    Path dir;

    /** 11,500 blank 28×28 images, gzip'd to a few KB: 9 MB of pixels, 81 MB as bytes and doubles. */
    @Test
    void aSmallGzipOfImagesThatFitLoads() throws Exception {
        Path file = dir.resolve("train-images-idx3-ubyte.gz");
        int count = 11_500;
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(ByteBuffer.allocate(16).putInt(Idx.IMAGES_MAGIC).putInt(count).putInt(28).putInt(28).array());
            byte[] blank = new byte[28 * 28];
            for (int i = 0; i < count; i++) {
                out.write(blank);
            }
        }
        assertTrue(Files.size(file) < 100_000, "gzip'd to " + Files.size(file) + " bytes");
        assertEquals("loaded " + count, run("idx", file.toString()));
    }

    /** 3,500 CIFAR records: 10.8 MB of pixels, 97 MB as bytes and doubles. */
    @Test
    void aCifarBatchThatFitsLoads() throws Exception {
        Path file = dir.resolve("data_batch_1.bin");
        int count = 3_500;
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] record = new byte[Cifar10.RECORD];
            for (int i = 0; i < count; i++) {
                out.write(record);
            }
        }
        assertEquals("loaded " + count, run("cifar", file.toString()));
    }

    /** Runs {@link DataSmallHeap} in a JVM with a 128 MB heap; its last line of output. */
    private static String run(String... args) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = Stream.of(System.getProperty("jdk.module.path", ""), System.getProperty("java.class.path", ""))
                .filter(s -> !s.isEmpty()).collect(Collectors.joining(File.pathSeparator));
        List<String> command = Stream.concat(Stream.of(java, "-Xmx128m", "-cp", classPath, DataSmallHeap.class.getName()),
                Stream.of(args)).collect(Collectors.toList());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), "forked JVM failed: " + command + "\n" + output);
        List<String> lines = output.lines().filter(l -> !l.startsWith("WARNING")).collect(Collectors.toList());
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }
}
