package org.adjoint.core.data;

import java.util.Objects;
import org.adjoint.core.Tensor;

/**
 * Per-column standardization {@code z = (x − mean) / scale}, fitted on training features and then
 * applied unchanged to every split, so that no statistic of the validation or test examples leaks
 * into training. As in scikit-learn's {@code StandardScaler}: the scale is the population standard
 * deviation (divisor n), and a column whose variance is zero gets scale 1, so it becomes all zeros
 * instead of NaN.
 *
 * @param mean the per-column means, {@code [d]}
 * @param scale the per-column scales, {@code [d]}, all positive and finite
 */
public record Standardizer(Tensor mean, Tensor scale) {

    /** Checks that the statistics are vectors of one length and the scales positive and finite. */
    public Standardizer {
        Objects.requireNonNull(mean, "mean");
        Objects.requireNonNull(scale, "scale");
        if (mean.rank() != 1 || !mean.shape().equals(scale.shape())) {
            throw new IllegalArgumentException("Standardizer: mean " + mean.shape() + " and scale " + scale.shape()
                    + " must be vectors of one length");
        }
        for (double s : scale.toArray()) {
            if (!(s > 0 && Double.isFinite(s))) {
                throw new IllegalArgumentException("Standardizer: scale " + s + " must be positive and finite");
            }
        }
    }

    /**
     * The means and standard deviations of the columns of {@code features}, {@code [n, d]}.
     *
     * @throws IllegalArgumentException if {@code features} is not a matrix with at least one row, or
     *     holds a non-finite value
     */
    public static Standardizer fit(Tensor features) {
        if (features.rank() != 2 || features.shape().dim(0) < 1 || !features.isFinite()) {
            throw new IllegalArgumentException("Standardizer.fit: features of shape " + features.shape()
                    + " must be a finite [n, d] matrix with n ≥ 1");
        }
        Tensor mean = features.mean(0);
        Tensor variance = features.sub(mean).square().mean(0);
        Tensor scale = variance.map(v -> v == 0 ? 1 : Math.sqrt(v));
        return new Standardizer(mean, scale);
    }

    /** {@link #fit} on the features of {@code training}. */
    public static Standardizer fit(Examples training) {
        return fit(training.features());
    }

    /**
     * {@code (features − mean) / scale}, column by column.
     *
     * @throws IllegalArgumentException if {@code features} is not {@code [n, d]} for this standardizer's d
     */
    public Tensor apply(Tensor features) {
        if (features.rank() != 2 || features.shape().dim(1) != mean.size()) {
            throw new IllegalArgumentException("Standardizer.apply: features of shape " + features.shape()
                    + " do not have the " + mean.size() + " columns it was fitted on");
        }
        return features.sub(mean).div(scale);
    }

    /** The examples with standardized features and the same targets. */
    public Examples apply(Examples examples) {
        return examples.withFeatures(apply(examples.features()));
    }

    /** The inverse: {@code z · scale + mean}. */
    public Tensor invert(Tensor standardized) {
        if (standardized.rank() != 2 || standardized.shape().dim(1) != mean.size()) {
            throw new IllegalArgumentException("Standardizer.invert: shape " + standardized.shape()
                    + " does not have the " + mean.size() + " columns it was fitted on");
        }
        return standardized.mul(scale).add(mean);
    }
}
