package org.adjoint.examples.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Fashion-MNIST (Zalando SE, MIT licence): 70,000 greyscale 28×28 images of clothing in 10 classes,
 * found on disk rather than bundled. It comes as the four IDX files that MNIST uses, under the same
 * names, so {@link #findMnistStyle} also loads the real MNIST.
 */
public final class FashionMnist {

    /** Where the Debian package {@code dataset-fashion-mnist} installs the files. */
    public static final Path DEBIAN_DIR = Path.of("/usr/share/datasets/fashion-mnist");

    private static final String[] NAMES = {
        "train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte",
    };

    private FashionMnist() {
    }

    /**
     * The official split (60,000 training and 10,000 test images) from {@code dir}, or from
     * {@link #DEBIAN_DIR} when {@code dir} is null. A given folder is the only one searched, so a
     * {@code --data DIR} never silently loads something else.
     *
     * @return the split, or empty when the folder or all four files are absent
     * @throws NoSuchFileException if some but not all of the four files are there; names the missing ones
     * @throws org.adjoint.core.io.MalformedFileException if a file is malformed (see {@link Idx})
     */
    public static Optional<Split> find(Path dirOrNull) throws IOException {
        return findMnistStyle(dirOrNull == null ? DEBIAN_DIR : dirOrNull);
    }

    /**
     * The train/test split stored in {@code dir} as MNIST's four IDX files, each plain or gzip'd
     * (with {@code .gz} appended to its name): {@code train-images-idx3-ubyte},
     * {@code train-labels-idx1-ubyte}, {@code t10k-images-idx3-ubyte}, {@code t10k-labels-idx1-ubyte}.
     * Where both forms of a file exist the plain one is read.
     *
     * @return the split, or empty when {@code dir} or all four files are absent
     * @throws NoSuchFileException if some but not all of the four files are there; names the missing ones
     * @throws org.adjoint.core.io.MalformedFileException if a file is malformed (see {@link Idx})
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
