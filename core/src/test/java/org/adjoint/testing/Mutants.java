package org.adjoint.testing;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.adjoint.testing.Mutant.Kind;

/** Damaged copies of a good file, and files of other formats, for fuzzing loaders. */
public final class Mutants {

    private Mutants() {
    }

    /**
     * The good file cut to every length below {@code head} (so inside every header), to every length
     * within {@code tail} of its end, and to {@code spread} more lengths drawn from {@code random}.
     */
    public static List<Mutant> truncations(byte[] good, int head, int tail, int spread, Random random) {
        TreeSet<Integer> lengths = new TreeSet<>();
        for (int n = 0; n < Math.min(head, good.length); n++) {
            lengths.add(n);
        }
        for (int n = Math.max(0, good.length - tail); n < good.length; n++) {
            lengths.add(n);
        }
        for (int i = 0; i < spread && good.length > 0; i++) {
            lengths.add(random.nextInt(good.length));
        }
        List<Mutant> out = new ArrayList<>();
        for (int n : lengths) {
            out.add(new Mutant(Kind.TRUNCATED, "cut to " + n + " of " + good.length + " bytes", Arrays.copyOf(good, n)));
        }
        return out;
    }

    /** {@code count} copies of the good file, each with one to three bits flipped at places drawn from {@code random}. */
    public static List<Mutant> bitFlips(byte[] good, int count, Random random) {
        List<Mutant> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] bytes = good.clone();
            StringBuilder what = new StringBuilder("flipped");
            for (int k = 1 + random.nextInt(3); k > 0; k--) {
                int at = random.nextInt(bytes.length);
                int bit = random.nextInt(8);
                bytes[at] ^= (byte) (1 << bit);
                what.append(" bit ").append(bit).append(" of byte ").append(at);
            }
            out.add(new Mutant(Kind.FLIPPED, what.toString(), bytes));
        }
        return out;
    }

    /** A file forged by hand. */
    public static Mutant forged(String what, byte[] bytes) {
        return new Mutant(Kind.FORGED, what, bytes);
    }

    /**
     * The usual set for a loader: truncations (inside the header and at the end), 300 seeded bit flips,
     * and the foreign formats, leaving out those whose description contains {@code sameFormat} (a file of
     * the loader's own format that it may well accept).
     */
    public static List<Mutant> standard(byte[] good, Random random, String sameFormat) {
        List<Mutant> out = new ArrayList<>(truncations(good, 200, 120, 100, random));
        out.addAll(bitFlips(good, 300, random));
        otherFormats().stream().filter(m -> !m.what().contains(sameFormat)).forEach(out::add);
        return out;
    }

    /**
     * Files of other formats: empty, text, random bytes, a PNG, a gzip'd text, a zip of a text file,
     * and the headers of an IDX image and label file (MNIST's format).
     */
    public static List<Mutant> otherFormats() {
        byte[] text = "layer1.weight,0.5,0.25\nhello, world\n".getBytes(StandardCharsets.US_ASCII);
        byte[] noise = new byte[4096];
        new Random(1).nextBytes(noise);
        return List.of(
                new Mutant(Kind.WRONG_TYPE, "an empty file", new byte[0]),
                new Mutant(Kind.WRONG_TYPE, "a text file", text),
                new Mutant(Kind.WRONG_TYPE, "random bytes", noise),
                new Mutant(Kind.WRONG_TYPE, "a 2×2 PNG", png()),
                new Mutant(Kind.WRONG_TYPE, "a gzip'd text file", gzip(text)),
                new Mutant(Kind.WRONG_TYPE, "a zip holding readme.txt", zip("readme.txt", text)),
                new Mutant(Kind.WRONG_TYPE, "an IDX image file of 2 images of 2×2", ByteBuffer.allocate(24)
                        .putInt(0x803).putInt(2).putInt(2).putInt(2).array()),
                new Mutant(Kind.WRONG_TYPE, "an IDX label file of 3 labels", ByteBuffer.allocate(11)
                        .putInt(0x801).putInt(3).put(new byte[] {1, 2, 3}).array()));
    }

    /** {@code content} gzip'd. */
    public static byte[] gzip(byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] zip(String name, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry(name));
            z.write(content);
            z.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] png() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB), "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
