package org.adjoint.examples.data;

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
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.adjoint.core.Shape;
import org.adjoint.core.Tensor;
import org.adjoint.optim.train.LabeledData;
import org.adjoint.testing.LoaderFuzz;
import org.adjoint.testing.Mutant;
import org.adjoint.testing.Mutant.Kind;
import org.adjoint.testing.Mutants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link DigitsCsv} fed truncated, bit-flipped and foreign files (the IDX and CIFAR-10 readers'
 * fuzz tests moved with them to core's {@code IdxCifar10FuzzTest}). Each input must load as a well-formed data set of
 * the expected shape, or be refused with an {@link IOException} naming the file: a
 * {@link org.adjoint.core.io.MalformedFileException}, a {@link java.nio.file.NoSuchFileException} for
 * a missing file, a {@link java.nio.file.FileSystemException} for a folder. A gzip'd file carries a
 * CRC-32, so a damaged one must load exactly as the original or be refused; a plain file has no
 * checksum, so a flip in its data may load with different pixels or labels, but never a different shape.
 */
class DigitsCsvFuzzTest {

    private static final Duration LIMIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    @Test
    void digitsCsv() throws IOException {
        long seed = LoaderFuzz.seed();
        byte[] csv = firstLinesOfTheBundledDigits(20);
        LabeledData good = DigitsCsv.read(new ByteArrayInputStream(csv), "good");
        LoaderFuzz<LabeledData> fuzz = new LoaderFuzz<>("DigitsCsv.read", dir, DigitsCsvFuzzTest::readCsv, IOException.class)
                .onLoad((input, loaded) -> {
                    assertNotEquals(Kind.WRONG_TYPE, input.kind(), "a file of another kind loaded");
                    assertNotEquals(Kind.FORGED, input.kind(), "a forged file loaded");
                    int n = loaded.size();
                    assertEquals(Shape.of(n, DigitsCsv.PIXELS), loaded.inputs().shape());
                    if (input.kind() == Kind.TRUNCATED) {
                        assertEquals(good.inputs().slice(0, 0, n), loaded.inputs(), "a cut file loads the whole lines before the cut");
                        assertArrayEquals(Arrays.copyOf(good.labels(), n), loaded.labels());
                    } else {
                        assertEquals(good.size(), n);
                        assertTrue(Arrays.stream(loaded.labels()).allMatch(label -> label >= 0 && label <= 9));
                        assertPixels(loaded.inputs().toArray(), DigitsCsv.MAX_PIXEL);
                    }
                });
        List<Mutant> inputs = mutants(csv, new Random(seed));
        String line = new String(csv, 0, indexOf(csv, (byte) '\n'), StandardCharsets.US_ASCII);
        inputs.add(Mutants.forged("a pixel of 10^20", ascii(line.replaceFirst("^\\d+", "100000000000000000000"))));
        inputs.add(Mutants.forged("a pixel of -1", ascii(line.replaceFirst("^\\d+", "-1"))));
        inputs.add(Mutants.forged("a pixel of 1e1", ascii(line.replaceFirst("^\\d+", "1e1"))));
        inputs.add(Mutants.forged("a label of 10", ascii(line.replaceFirst("\\d+$", "10"))));
        inputs.add(Mutants.forged("a line of 100,000 fields", ascii("0,".repeat(100_000) + "1\n")));
        inputs.add(Mutants.forged("a line of 1 MB without commas", ascii("1".repeat(1 << 20))));
        inputs.add(Mutants.forged("a NUL byte for a field", ascii(line.replaceFirst("^\\d+", "\0"))));
        inputs.add(Mutants.forged("a UTF-8 byte-order mark", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, csv)));
        inputs.add(new Mutant(Kind.WRONG_TYPE, "only blank lines", ascii("\n \n\t\n")));
        fuzz.feedAll(inputs, seed, LIMIT);
        System.out.println(fuzz.summary());
    }

    /** DigitsCsv reads a stream: here, the fuzzed file's, with the file's path for messages. */
    private static LabeledData readCsv(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return DigitsCsv.read(in, file.toString());
        }
    }

    private static byte[] firstLinesOfTheBundledDigits(int lines) throws IOException {
        try (InputStream in = Resources.openGzip("digits.csv.gz")) {
            byte[] all = in.readAllBytes();
            int end = 0;
            for (int i = 0; i < lines; i++) {
                end = indexOf(Arrays.copyOfRange(all, end, all.length), (byte) '\n') + end + 1;
            }
            return Arrays.copyOf(all, end);
        }
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
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
