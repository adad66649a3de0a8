package org.adjoint.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.adjoint.core.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An archive's directory, local headers and data are read as one consistent file (issue 17, items 17 and 27). */
class NpzConsistencyTest {

    @TempDir
    Path dir;

    /**
     * Item 27: the directory lists a.npy then b.npy, but the entries' own headers name b.npy then
     * a.npy. Compared as multisets the names agreed and each array loaded under the other's name.
     */
    @Test
    void localHeadersThatNameTheEntriesInAnotherOrderAreRefused() throws IOException {
        byte[] archive = NpzFuzzTest.zip(List.of("a.npy", "b.npy"),
                List.of(Npy.encode(Tensor.vector(1, 2)), Npy.encode(Tensor.vector(3, 4))));
        String text = new String(archive, StandardCharsets.ISO_8859_1);
        int a = text.indexOf("a.npy");
        int b = text.indexOf("b.npy");
        assertTrue(a < b && b < text.lastIndexOf("a.npy"), "both local headers precede the directory");
        archive[a] = 'b';
        archive[b] = 'a';
        Path file = dir.resolve("swapped.npz");
        Files.write(file, archive);
        MalformedFileException e = assertThrows(MalformedFileException.class, () -> Npz.read(file));
        assertTrue(e.getMessage().startsWith(file + ", entry a.npy: the archive's directory names this entry a.npy but its"
                + " own header at offset 0 names it b.npy: the archive is corrupt"), e.getMessage());
    }

    /**
     * Item 17: the file was opened three times (a check, the zip directory, the local headers), so a
     * save renamed over it in between paired one file's directory with another's headers, and a good
     * file read as corrupt (2.9 % of loads). Every load must now see the old file or the new one.
     */
    @Test
    void loadsDuringConcurrentSavesSeeOneWholeFile() throws Exception {
        Path file = dir.resolve("model.npz");
        Map<String, Tensor> small = Map.of("w", Tensor.arange(100));
        Map<String, Tensor> large = Map.of("w", Tensor.arange(300), "v", Tensor.vector(1, 2, 3));
        Npz.write(file, small);
        AtomicBoolean done = new AtomicBoolean();
        List<Throwable> saveFailures = new ArrayList<>();
        Thread saver = new Thread(() -> {
            try {
                for (int i = 0; !done.get(); i++) {
                    Npz.write(file, i % 2 == 0 ? large : small);
                }
            } catch (IOException | RuntimeException e) {
                saveFailures.add(e);
            }
        });
        saver.start();
        List<String> failures = new ArrayList<>();
        try {
            for (int i = 0; i < 600; i++) {
                try {
                    Map<String, Tensor> read = Npz.read(file);
                    if (!read.equals(small) && !read.equals(large)) {
                        failures.add("load " + i + " mixed the files: " + read.keySet());
                    }
                } catch (IOException e) {
                    failures.add("load " + i + ": " + e.getMessage());
                }
            }
        } finally {
            done.set(true);
            saver.join();
        }
        assertEquals(List.of(), saveFailures);
        assertEquals(List.of(), failures, failures.size() + " of 600 loads failed");
    }
}
