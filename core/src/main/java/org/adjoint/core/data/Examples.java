package org.adjoint.core.data;

import java.util.Objects;
import org.adjoint.core.Tensor;

/**
 * A table of examples: one example per row of {@code features} (axis 0) and one target per
 * example, a class index or a real value. A subset of examples is examples itself.
 *
 * @param features the examples, {@code [n, …]}
 * @param targets one value per example, {@code [n]}: whole numbers for class labels, any real for regression
 */
public record Examples(Tensor features, Tensor targets) {

    /** Checks that there is one target per example. */
    public Examples {
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(targets, "targets");
        if (features.rank() < 1 || targets.rank() != 1 || targets.size() != features.shape().dim(0)) {
            throw new IllegalArgumentException("Examples: targets of shape " + targets.shape() + " for features of shape "
                    + features.shape() + "; need targets [n] for features [n, …]");
        }
    }

    /** Examples labeled by class indices. */
    public static Examples labeled(Tensor features, int[] labels) {
        double[] targets = new double[labels.length];
        for (int i = 0; i < labels.length; i++) {
            targets[i] = labels[i];
        }
        return new Examples(features, Tensor.vector(targets));
    }

    /** The number of examples. */
    public int size() {
        return targets.size();
    }

    /** The examples at {@code indices}, in that order. */
    public Examples rows(int[] indices) {
        return new Examples(features.take(0, indices), targets.take(0, indices));
    }

    /**
     * The targets as class indices.
     *
     * @throws IllegalArgumentException if a target is not a whole number in 0..{@link Integer#MAX_VALUE},
     *     naming the first such row
     */
    public int[] labels() {
        double[] t = targets.toArray();
        int[] labels = new int[t.length];
        for (int i = 0; i < t.length; i++) {
            if (!(t[i] >= 0 && t[i] <= Integer.MAX_VALUE && t[i] == Math.rint(t[i]))) {
                throw new IllegalArgumentException("Examples.labels: target " + t[i] + " of row " + i
                        + " is not a class index (a whole number ≥ 0)");
            }
            labels[i] = (int) t[i];
        }
        return labels;
    }

    /**
     * The labels one-hot encoded: {@code [n, classes]}, row i all zeros but a one at {@code labels()[i]}.
     *
     * @throws IllegalArgumentException if a target is not a class index below {@code classes}
     */
    public Tensor oneHot(int classes) {
        return Tensor.oneHot(labels(), classes);
    }

    /** The examples with the same targets and {@code features} replaced, for example standardized. */
    public Examples withFeatures(Tensor newFeatures) {
        return new Examples(newFeatures, targets);
    }

    @Override
    public String toString() {
        return "Examples[" + size() + " examples of shape " + features.shape() + "]";
    }
}
