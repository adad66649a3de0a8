package org.adjoint.examples.data;

import java.io.IOException;
import java.nio.file.Path;
import org.adjoint.optim.train.LabeledData;

/**
 * The library's IDX reader ({@link org.adjoint.core.io.Idx}, where the format and its checks are
 * described) returning {@link LabeledData} for the examples' training loops.
 */
public final class Idx {

    private Idx() {
    }

    /**
     * The images of one IDX file labeled by another, as labeled data.
     *
     * @throws org.adjoint.core.io.MalformedFileException if either file is malformed or their counts differ
     */
    public static LabeledData read(Path images, Path labels) throws IOException {
        return LabeledData.of(org.adjoint.core.io.Idx.read(images, labels));
    }
}
