package org.adjoint.optim.train;

import java.util.Objects;
import org.adjoint.core.data.Examples;

/**
 * {@link Examples} with real-valued targets (regression) as a {@link Dataset} the {@link Trainer}
 * reads: a batch is the examples at the batch's indices, features and targets together. For class
 * labels use {@link LabeledData#of(Examples)}.
 *
 * @param examples the examples
 */
public record ExamplesData(Examples examples) implements Dataset<Examples> {

    /** Checks that the examples are present. */
    public ExamplesData {
        Objects.requireNonNull(examples, "examples");
    }

    @Override
    public int size() {
        return examples.size();
    }

    @Override
    public Examples batch(int[] indices) {
        return examples.rows(indices);
    }

    /** The first NaN or infinite feature among the rows at {@code indices}, as {@link LabeledData#nonFinite} reports it. */
    @Override
    public String nonFinite(int[] indices) {
        return new LabeledData(examples.features(), new int[examples.size()]).nonFinite(indices);
    }
}
