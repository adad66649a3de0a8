package org.adjoint.examples.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.adjoint.optim.train.LabeledData;

/**
 * Fashion-MNIST (Zalando SE, MIT licence): 70,000 greyscale 28×28 images of clothing in 10 classes.
 * The full set is found on disk; its official test split (10,000 images) is also bundled, so that
 * {@link #find find(null)} works offline. It comes as the four IDX files that MNIST uses, under the
 * same names, so {@link #findMnistStyle} also loads the real MNIST.
 */
public final class FashionMnist {

    /** Where the Debian package {@code dataset-fashion-mnist} installs the files. */
    public static final Path DEBIAN_DIR = Path.of("/usr/share/datasets/fashion-mnist");

    private static final String[] NAMES = {
        "train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte",
    };

    private FashionMnist() {
    }

    /** The seed of the split of the bundled test images that {@link #find find(null)} falls back to. */
    public static final long BUNDLED_SPLIT_SEED = 21;

    /**
     * The official split (60,000 training and 10,000 test images) from {@code dir}, or from
     * {@link #DEBIAN_DIR} when {@code dir} is null. A given folder is the only one searched, so a
     * {@code --data DIR} never silently loads something else. When {@code dir} is null and
     * {@link #DEBIAN_DIR} holds no files, the bundled official test split stands in: its 10,000
     * images split 8,000 / 2,000 by {@link Datasets#split} with seed {@link #BUNDLED_SPLIT_SEED}.
     *
     * @return the split, or empty when the given folder or all four files are absent
     * @throws NoSuchFileException if some but not all of the four files are there; names the missing ones
     * @throws org.adjoint.core.io.MalformedFileException if a file is malformed (see {@link org.adjoint.core.io.Idx})
     */
    public static Optional<Split> find(Path dirOrNull) throws IOException {
        if (dirOrNull != null) {
            return findMnistStyle(dirOrNull);
        }
        Optional<Split> installed = findMnistStyle(DEBIAN_DIR);
        return installed.isPresent() ? installed : Optional.of(Datasets.split(bundledTest(), 0.2, BUNDLED_SPLIT_SEED));
    }

    /**
     * The official Fashion-MNIST test split bundled with the examples: a {@code [10000, 784]} tensor
     * of pixels {@code k / 255} and labels 0..9 (t-shirt/top, trouser, pullover, dress, coat, sandal,
     * shirt, sneaker, bag, ankle boot), in the file's order.
     *
     * @throws java.io.UncheckedIOException if the bundled files cannot be read
     */
    public static LabeledData bundledTest() {
        return Datasets.bundledIdx("fashion-mnist/t10k-images-idx3-ubyte.gz", "fashion-mnist/t10k-labels-idx1-ubyte.gz");
    }

    /**
     * The train/test split stored in {@code dir} as MNIST's four IDX files, each plain or gzip'd
     * (with {@code .gz} appended to its name): {@code train-images-idx3-ubyte},
     * {@code train-labels-idx1-ubyte}, {@code t10k-images-idx3-ubyte}, {@code t10k-labels-idx1-ubyte}.
     * Where both forms of a file exist the plain one is read.
     *
     * @return the split, or empty when {@code dir} or all four files are absent
     * @throws NoSuchFileException if some but not all of the four files are there; names the missing ones
     * @throws org.adjoint.core.io.MalformedFileException if a file is malformed (see {@link org.adjoint.core.io.Idx})
     */
    public static Optional<Split> findMnistStyle(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        Path[] files = new Path[NAMES.length];
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < NAMES.length; i++) {
            files[i] = locate(dir, NAMES[i]);
            if (files[i] == null) {
                missing.add(NAMES[i] + "[.gz]");
            }
        }
        if (missing.size() == NAMES.length) {
            return Optional.empty();
        }
        if (!missing.isEmpty()) {
            throw new NoSuchFileException(dir.toString(), null, "incomplete MNIST-style data set: missing "
                    + String.join(", ", missing) + " (all four IDX files are needed)");
        }
        return Optional.of(new Split(Idx.read(files[0], files[1]), Idx.read(files[2], files[3])));
    }

    /** How to get Fashion-MNIST, in two lines for a user who has not got it. */
    public static String howToGet() {
        return "Install it with `sudo apt-get install dataset-fashion-mnist` (into " + DEBIAN_DIR + "),\n"
                + "or download the four IDX files from https://github.com/zalandoresearch/fashion-mnist and pass --data DIR.";
    }

    private static Path locate(Path dir, String name) {
        for (String candidate : new String[] {name, name + ".gz"}) {
            Path file = dir.resolve(candidate);
            if (Files.isRegularFile(file)) {
                return file;
            }
        }
        return null;
    }
}
