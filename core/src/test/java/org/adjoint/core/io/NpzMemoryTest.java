package org.adjoint.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17, item 15: loading must fit the heap it checks against. Each test forks a JVM with a
 * 128 MB heap (see {@link NpzSmallHeap}). Before the fix the guard assumed a load holds 3× an
 * entry's bytes against the maximum heap, while the read path held about 4.5× (a growing byte
 * buffer, its copy, the data's copy, the doubles, {@code Tensor.of}'s copy) and ignored the heap in
 * use and the other entries: each case below passed the guard and ran out of memory.
 */
class NpzMemoryTest {

    private static final String HEAP = "-Xmx128m";

    @TempDir
    Path dir;

    /**
     * As under -Xmx1g with a 30M-element model: it saves, so it must load in the same JVM. 3M doubles
     * (24 MB, live during the load) need about 24 + 2·24 MB now, against about 24 + 4.5·24 = 132 MB
     * before the fix; 4M left too little room for G1's humongous regions to be reliable.
     */
    @Test
    void aModelThatCouldBeSavedLoadsInTheSameJvm() throws Exception {
        Path file = dir.resolve("model.npz");
        assertEquals("loaded 1", run("save", file.toString(), Integer.toString(3_000_000)));
    }

    /** As the 233 KB deflated file under -Xmx1g: 40 MB of doubles deflated to a few KB fit in 128 MB. */
    @Test
    void aSmallDeflatedFileOfALoadableArrayLoads() throws Exception {
        Path file = dir.resolve("deflated.npz");
        writeDeflatedZeros(file, List.of("w"), 5_000_000);
        assertTrue(Files.size(file) < 100_000, "deflated to " + Files.size(file) + " bytes");
        assertEquals("loaded 1", run("load", file.toString()));
    }

    /** Three arrays, each loadable alone, that together do not fit: refused before any is read. */
    @Test
    void arraysThatTogetherDoNotFitAreRefusedNamingTheFileAndShapes() throws Exception {
        Path file = dir.resolve("three.npz");
        writeDeflatedZeros(file, List.of("a", "b", "c"), 5_000_000);
        String out = run("load", file.toString());
        assertTrue(out.startsWith("refused " + file + ": loading its 3 arrays of shapes [5000000], [5000000], [5000000]"
                + " needs about 0.16 GB, more than the "), out);
    }

    /** Deflated entries (as NumPy's savez_compressed writes) of {@code count} zeros each. */
    private static void writeDeflatedZeros(Path file, List<String> names, int count) throws IOException {
        String dict = "{'descr': '<f8', 'fortran_order': False, 'shape': (" + count + ",), }";
        byte[] header = (dict + " ".repeat(63 - (10 + dict.length()) % 64) + "\n").getBytes(StandardCharsets.US_ASCII);
        byte[] zeros = new byte[1 << 16];
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String name : names) {
                zip.putNextEntry(new ZipEntry(name + ".npy"));
                zip.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, (byte) header.length, 0});
                zip.write(header);
                for (long left = 8L * count; left > 0; left -= zeros.length) {
                    zip.write(zeros, 0, (int) Math.min(zeros.length, left));
                }
                zip.closeEntry();
            }
        }
    }

    /** Runs {@link NpzSmallHeap} in a JVM with a small heap; its last line of output. */
    private static String run(String... args) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = Stream.of(System.getProperty("jdk.module.path", ""), System.getProperty("java.class.path", ""))
                .filter(s -> !s.isEmpty()).collect(Collectors.joining(File.pathSeparator));
        List<String> command = Stream.concat(Stream.of(java, HEAP, "-cp", classPath, NpzSmallHeap.class.getName()),
                Stream.of(args)).collect(Collectors.toList());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), "forked JVM failed: " + command + "\n" + output);
        List<String> lines = output.lines().filter(l -> !l.startsWith("WARNING")).collect(Collectors.toList());
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }
}
