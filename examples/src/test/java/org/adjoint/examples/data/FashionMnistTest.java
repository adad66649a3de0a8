package org.adjoint.examples.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import org.adjoint.core.Shape;
import org.adjoint.testing.IdxFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FashionMnistTest {

    @TempDir
    Path dir;

    /** Writes the four files, the training ones gzip'd and the test ones plain, with 6 and 4 images. */
    private void writeTinySet(Path folder) throws IOException {
        IdxFiles.write(folder, "train-images-idx3-ubyte.gz", IdxFiles.images(6, 28, 28, IdxFiles.pattern(6 * 784, 1)), true);
        IdxFiles.write(folder, "train-labels-idx1-ubyte.gz", IdxFiles.labels(6, new byte[] {0, 1, 2, 3, 4, 5}), true);
        IdxFiles.write(folder, "t10k-images-idx3-ubyte", IdxFiles.images(4, 28, 28, IdxFiles.pattern(4 * 784, 2)), false);
        IdxFiles.write(folder, "t10k-labels-idx1-ubyte", IdxFiles.labels(4, new byte[] {9, 8, 7, 6}), false);
    }

    @Test
    void emptyOrMissingFolderGivesEmpty() throws IOException {
        assertFalse(FashionMnist.find(dir).isPresent());
        assertFalse(FashionMnist.findMnistStyle(dir.resolve("no-such-folder")).isPresent());
    }

    @Test
    void fourFilesGiveTheOfficialSplit() throws IOException {
        writeTinySet(dir);
        Optional<Split> found = FashionMnist.find(dir);
        assertTrue(found.isPresent());
        Split split = found.get();
        assertEquals(Shape.of(6, 784), split.train().inputs().shape());
        assertEquals(Shape.of(4, 784), split.test().inputs().shape());
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5}, split.train().labels());
        assertArrayEquals(new int[] {9, 8, 7, 6}, split.test().labels());
        assertEquals(2 / 255.0, split.test().inputs().get(0, 0), 0.0);
    }

    @Test
    void incompleteSetNamesTheMissingFiles() throws IOException {
        writeTinySet(dir);
        Files.delete(dir.resolve("t10k-labels-idx1-ubyte"));
        String message = assertThrows(NoSuchFileException.class, () -> FashionMnist.find(dir)).getMessage();
        assertTrue(message.contains("t10k-labels-idx1-ubyte") && !message.contains("train-"), message);
    }

    /** The official test split as shipped: 1,000 images of each class; checksums in the resource README. */
    @Test
    void bundledTestSplitIsTheOfficialTenThousandImages() {
        var test = FashionMnist.bundledTest();
        assertEquals(Shape.of(10_000, 784), test.inputs().shape());
        int[] counts = new int[10];
        for (int label : test.labels()) {
            counts[label]++;
        }
        assertArrayEquals(new int[] {1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000}, counts);
        // The first test image is an ankle boot (class 9), as in Zalando's README.
        assertEquals(9, test.labels()[0]);
        assertEquals(1.0, test.inputs().max().item(), 0.0);
    }

    @Test
    void withoutTheDebianFilesFindFallsBackToTheBundledTestSplit() throws IOException {
        if (Files.isDirectory(FashionMnist.DEBIAN_DIR)) {
            assertEquals(60_000, FashionMnist.find(null).orElseThrow().train().size());
            return;
        }
        Split split = FashionMnist.find(null).orElseThrow();
        assertEquals(8_000, split.train().size());
        assertEquals(2_000, split.test().size());
        Split again = Datasets.split(FashionMnist.bundledTest(), 0.2, FashionMnist.BUNDLED_SPLIT_SEED);
        assertArrayEquals(again.test().labels(), split.test().labels());
    }

    @Test
    void howToGetNamesTheDebianPackageAndTheDownload() {
        String how = FashionMnist.howToGet();
        assertTrue(how.contains("apt-get install dataset-fashion-mnist"), how);
        assertTrue(how.contains("zalandoresearch/fashion-mnist") && how.contains("--data"), how);
        assertTrue(how.lines().count() <= 2, how);
        assertEquals(Path.of("/usr/share/datasets/fashion-mnist"), FashionMnist.DEBIAN_DIR);
    }
}
