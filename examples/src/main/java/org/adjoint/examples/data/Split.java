package org.adjoint.examples.data;

import java.util.Objects;
import org.adjoint.optim.train.LabeledData;

/**
 * Labeled data divided into a part to train on and a held-out part to test on.
 *
 * @param train the examples to fit
 * @param test the held-out examples, never seen in training
 */
public record Split(LabeledData train, LabeledData test) {

    /** Checks that both parts are present. */
    public Split {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
    }
}
