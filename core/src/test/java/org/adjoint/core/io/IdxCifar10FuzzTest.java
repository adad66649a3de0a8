package org.adjoint.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.adjoint.core.Shape;
import org.adjoint.core.Tensor;
import org.adjoint.core.data.Examples;
import org.adjoint.testing.IdxFiles;
import org.adjoint.testing.LoaderFuzz;
import org.adjoint.testing.Mutant;
import org.adjoint.testing.Mutant.Kind;
import org.adjoint.testing.Mutants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The data set readers fed truncated, bit-flipped, forged and foreign files: {@link Idx} (plain and
 * gzip'd) and {@link Cifar10}. Each input must load as a well-formed data set of
 * the expected shape, or be refused with an {@link IOException} naming the file: a
 * {@link org.adjoint.core.io.MalformedFileException}, a {@link java.nio.file.NoSuchFileException} for
 * a missing file, a {@link java.nio.file.FileSystemException} for a folder. A gzip'd file carries a
 * CRC-32, so a damaged one must load exactly as the original or be refused; a plain file has no
 * checksum, so a flip in its data may load with different pixels or labels, but never a different shape.
 */
class IdxCifar10FuzzTest {

    private static final Duration LIMIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void idxImageFiles(boolean gzip) throws IOException {
        long seed = LoaderFuzz.seed();
        byte[] plain = IdxFiles.images(5, 3, 4, IdxFiles.pattern(60, 11));
        Tensor good = Idx.readImages(IdxFiles.write(dir, "good", plain, gzip));
        LoaderFuzz<Tensor> fuzz = new LoaderFuzz<>("Idx.readImages" + (gzip ? " (gzip)" : ""), dir, Idx::readImages,
                IOException.class).onLoad((input, loaded) -> {
                    assertEquals(Kind.FLIPPED, input.kind(), "only a flipped file may load");
                    if (gzip) {
                        assertEquals(good, loaded, "the gzip CRC-32 let a change through");
                    }
                    assertEquals(good.shape(), loaded.shape());
                    assertPixels(loaded.toArray(), 255);
                });
        List<Mutant> inputs = mutants(gzip ? Mutants.gzip(plain) : plain, new Random(seed), "IDX");
        inputs.addAll(gzipped(idxImageForgeries(), gzip));
        fuzz.feedAll(inputs, seed, LIMIT);
        fuzz.feedPath("a folder", dir, seed);
        fuzz.feedPath("a missing file", dir.resolve("missing-idx3-ubyte"), seed);
        System.out.println(fuzz.summary());
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void idxLabelFiles(boolean gzip) throws IOException {
        long seed = LoaderFuzz.seed();
        byte[] plain = IdxFiles.labels(5, new byte[] {0, 9, 3, (byte) 200, 7});
        int[] good = Idx.readLabels(IdxFiles.write(dir, "good", plain, gzip));
        LoaderFuzz<int[]> fuzz = new LoaderFuzz<>("Idx.readLabels" + (gzip ? " (gzip)" : ""), dir, Idx::readLabels,
                IOException.class).onLoad((input, loaded) -> {
                    assertEquals(Kind.FLIPPED, input.kind(), "only a flipped file may load");
                    if (gzip) {
                        assertArrayEquals(good, loaded, "the gzip CRC-32 let a change through");
                    }
                    assertEquals(good.length, loaded.length);
                });
        List<Mutant> inputs = mutants(gzip ? Mutants.gzip(plain) : plain, new Random(seed), "IDX");
        inputs.addAll(gzipped(List.of(
                Mutants.forged("a count of 10^8 in a 13-byte file", IdxFiles.labels(100_000_000, new byte[5])),
                Mutants.forged("a count of 2^31 - 1", IdxFiles.labels(Integer.MAX_VALUE, new byte[5])),
                Mutants.forged("a count of -2^31", IdxFiles.labels(Integer.MIN_VALUE, new byte[5])),
                Mutants.forged("a count of 0", IdxFiles.labels(0, new byte[0])),
                Mutants.forged("a count one more than the labels", IdxFiles.labels(6, new byte[5])),
                Mutants.forged("a count one less than the labels", IdxFiles.labels(4, new byte[5])),
                Mutants.forged("an image file's magic", withMagic(IdxFiles.labels(5, new byte[5]), Idx.IMAGES_MAGIC))), gzip));
        fuzz.feedAll(inputs, seed, LIMIT);
        fuzz.feedPath("a folder", dir, seed);
        fuzz.feedPath("a missing file", dir.resolve("missing-idx1-ubyte"), seed);
        System.out.println(fuzz.summary());
    }

    private static List<Mutant> idxImageForgeries() {
        byte[] pixels = IdxFiles.pattern(60, 11);
        return List.of(
                Mutants.forged("a count of 10^8 in a 76-byte file", IdxFiles.images(100_000_000, 3, 4, pixels)),
                Mutants.forged("a count of 2^31 - 1", IdxFiles.images(Integer.MAX_VALUE, 3, 4, pixels)),
                Mutants.forged("a count of -1", IdxFiles.images(-1, 3, 4, pixels)),
                Mutants.forged("a count of 0", IdxFiles.images(0, 3, 4, new byte[0])),
                Mutants.forged("0 rows", IdxFiles.images(5, 0, 4, pixels)),
                Mutants.forged("4097 columns", IdxFiles.images(5, 3, 4097, pixels)),
                Mutants.forged("10^8 images of 4096×4096", IdxFiles.images(100_000_000, 4096, 4096, pixels)),
                Mutants.forged("2,000,000 images of 28×28 (1.5 GB) in a 76-byte file", IdxFiles.images(2_000_000, 28, 28, pixels)),
                Mutants.forged("a count one more than the images", IdxFiles.images(6, 3, 4, pixels)),
                Mutants.forged("a count one less than the images", IdxFiles.images(4, 3, 4, pixels)),
                Mutants.forged("a label file's magic", withMagic(IdxFiles.images(5, 3, 4, pixels), Idx.LABELS_MAGIC)),
                Mutants.forged("the magic of float data", withMagic(IdxFiles.images(5, 3, 4, pixels), 0x0D03)),
                Mutants.forged("the magic of 4 dimensions", withMagic(IdxFiles.images(5, 3, 4, pixels), 0x0804)),
                Mutants.forged("a little-endian magic", withMagic(IdxFiles.images(5, 3, 4, pixels), 0x03080000)));
    }

    private static byte[] withMagic(byte[] idx, int magic) {
        byte[] out = idx.clone();
        ByteBuffer.wrap(out).putInt(0, magic);
        return out;
    }

    /** The forgeries gzip'd when {@code gzip}, plus two forged gzip wrappers of a good file. */
    private static List<Mutant> gzipped(List<Mutant> forged, boolean gzip) {
        if (!gzip) {
            return new ArrayList<>(forged);
        }
        List<Mutant> out = new ArrayList<>();
        for (Mutant m : forged) {
            out.add(Mutants.forged(m.what() + ", gzip'd", Mutants.gzip(m.bytes())));
        }
        byte[] good = Mutants.gzip(IdxFiles.images(5, 3, 4, IdxFiles.pattern(60, 11)));
        byte[] extra = good.clone();
        extra[3] = 0x04;
        out.add(Mutants.forged("a gzip header claiming an extra field", extra));
        byte[] size = good.clone();
        ByteBuffer.wrap(size).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(size.length - 4, 1 << 30);
        out.add(Mutants.forged("a gzip trailer claiming 1 GB", size));
        return out;
    }

    @Test
    void cifar10Batches() throws IOException {
        long seed = LoaderFuzz.seed();
        byte[] two = new byte[2 * Cifar10.RECORD];
        new Random(5).nextBytes(two);
        two[0] = 3;
        two[Cifar10.RECORD] = 9;
        Path goodFile = Files.write(dir.resolve("data_batch_1.bin"), two);
        Examples good = Cifar10.readBatch(goodFile);
        LoaderFuzz<Examples> one = new LoaderFuzz<>("Cifar10.readBatch", dir, Cifar10::readBatch, IOException.class)
                .onLoad((input, loaded) -> checkCifar(good, input, loaded));
        Random random = new Random(seed);
        // No header: cuts near the start matter no more than elsewhere.
        List<Mutant> inputs = new ArrayList<>(Mutants.truncations(two, 40, 120, 100, random));
        inputs.addAll(Mutants.bitFlips(two, 300, random));
        inputs.addAll(Mutants.otherFormats());
        inputs.add(new Mutant(Kind.TRUNCATED, "cut to one record", Arrays.copyOf(two, Cifar10.RECORD)));
        inputs.add(Mutants.forged("a label of 10", withByte(two, Cifar10.RECORD, 10)));
        inputs.add(Mutants.forged("a label of 255", withByte(two, 0, 255)));
        inputs.add(Mutants.forged("one byte more than two records", Arrays.copyOf(two, two.length + 1)));
        one.feedAll(inputs, seed, LIMIT);
        one.feedPath("a folder", dir, seed);
        one.feedPath("a missing file", dir.resolve("missing.bin"), seed);
        LoaderFuzz<Examples> joined = new LoaderFuzz<>("Cifar10.read (after a good batch)", dir,
                f -> Cifar10.read(List.of(goodFile, f)), IOException.class)
                .onLoad((input, loaded) -> {
                    int n = loaded.size();
                    assertEquals(good.features(), loaded.features().slice(0, 0, good.size()), "the good batch comes first");
                    assertArrayEquals(good.labels(), Arrays.copyOf(loaded.labels(), good.size()));
                    checkCifar(good, input, Examples.labeled(loaded.features().slice(0, good.size(), n),
                            Arrays.copyOfRange(loaded.labels(), good.size(), n)));
                });
        List<Mutant> some = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i += 3) {
            some.add(inputs.get(i));
        }
        joined.feedAll(some, seed, LIMIT);
        System.out.println(one.summary());
        System.out.println(joined.summary());
    }

    private static void checkCifar(Examples good, Mutant input, Examples loaded) {
        assertNotEquals(Kind.FORGED, input.kind(), "a forged file loaded");
        if (input.kind() == Kind.TRUNCATED) {
            assertEquals(Cifar10.RECORD, input.bytes().length, "only a whole number of records may load");
            assertEquals(good.features().slice(0, 0, 1), loaded.features());
            assertArrayEquals(Arrays.copyOf(good.labels(), 1), loaded.labels());
            return;
        }
        assertEquals(good.features().shape(), loaded.features().shape());
        assertTrue(Arrays.stream(loaded.labels()).allMatch(label -> label >= 0 && label <= 9), Arrays.toString(loaded.labels()));
        assertPixels(loaded.features().toArray(), 255);
    }

    private static byte[] withByte(byte[] bytes, int at, int value) {
        byte[] out = bytes.clone();
        out[at] = (byte) value;
        return out;
    }

    /** Truncations (inside the header and at the end), seeded bit flips and foreign formats of a good file. */
    private static List<Mutant> mutants(byte[] good, Random random) {
        return Mutants.standard(good, random, "no format excluded");
    }

    /** The same, leaving out the foreign files whose description contains {@code sameFormat}. */
    private static List<Mutant> mutants(byte[] good, Random random, String sameFormat) {
        return Mutants.standard(good, random, sameFormat);
    }

    /** Every value is k / scale for a whole k in 0..scale. */
    private static void assertPixels(double[] values, int scale) {
        for (double v : values) {
            double k = v * scale;
            assertTrue(k >= 0 && k <= scale && Math.abs(k - Math.rint(k)) < 1e-9, "value " + v + " is not k/" + scale);
        }
    }
}
