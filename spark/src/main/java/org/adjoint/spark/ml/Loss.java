package org.adjoint.spark.ml;

import java.io.Serializable;
import java.util.Objects;
import org.adjoint.autodiff.Losses;
import org.adjoint.autodiff.Var;
import org.adjoint.core.Shape;
import org.adjoint.core.Tensor;

/**
 * What the model's outputs (scores) are fitted to, and how a prediction is read from them. The fit
 * minimizes the mean of the per-row loss ℓ over the N rows plus an L2 penalty (see
 * {@link AdjointEstimator}); per row, with s the model's output row and y the label:
 *
 * <ul>
 *   <li>{@link #softmaxCrossEntropy(int) softmax cross-entropy} over K classes: ℓ = −log softmax(s)[y],
 *       s of K scores, y ∈ {0, …, K − 1}; the prediction is the index of the largest score (the first
 *       on ties), as a double, like MLlib's classifiers.</li>
 *   <li>{@link #logistic() logistic}: ℓ = log(1 + eᶻ) − y·z with one score z, y ∈ {0, 1} (MLlib's binary
 *       {@code LogisticRegression}); the prediction is 1 when z &gt; 0 (probability above ½), else 0.</li>
 *   <li>{@link #squaredError() squared error}: ℓ = ½(z − y)² with one output z (MLlib's
 *       {@code LinearRegression}); the prediction is z.</li>
 * </ul>
 */
public sealed interface Loss extends Serializable {

    /** Softmax cross-entropy over {@code classes} classes (the model outputs one score per class). */
    static Loss softmaxCrossEntropy(int classes) {
        return new SoftmaxCrossEntropy(classes);
    }

    /** Binary logistic loss on one score per row (labels 0 and 1). */
    static Loss logistic() {
        return new Logistic();
    }

    /** Half the squared error of one output per row (regression, any finite label). */
    static Loss squaredError() {
        return new SquaredError();
    }

    /** The number of classes labels must come from, or 0 for any finite label. */
    int classes();

    /** The number of outputs per row the model must produce. */
    int outputs();

    /** Σ ℓ over the rows: {@code scores} is the model's n × outputs() output, {@code labels} the n labels. */
    Var summed(Var scores, Tensor labels);

    /** The prediction of each row from the model's n × outputs() output. */
    double[] predict(Tensor scores);

    /**
     * Checks the model's output shape for a batch of n rows.
     *
     * @throws IllegalArgumentException naming the loss, the shape and the shape expected
     */
    default void requireOutput(String operation, Shape scores, int n) {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(scores, "scores");
        if (scores.rank() != 2 || scores.dim(0) != n || scores.dim(1) != outputs()) {
            throw new IllegalArgumentException(operation + ": the model returns shape " + scores + " for " + n
                    + " rows, but " + this + " needs shape [" + n + ", " + outputs() + "] (" + outputs()
                    + " output" + (outputs() == 1 ? "" : "s") + " per row)");
        }
    }

    /** Softmax cross-entropy over K classes; see {@link Loss}. @param classes K, at least 2 */
    record SoftmaxCrossEntropy(int classes) implements Loss {

        private static final long serialVersionUID = 1L;

        /** Validates the number of classes. */
        public SoftmaxCrossEntropy {
            if (classes < 2) {
                throw new IllegalArgumentException("Loss.softmaxCrossEntropy: classes = " + classes + " must be at least 2");
            }
        }

        @Override
        public int outputs() {
            return classes;
        }

        @Override
        public Var summed(Var scores, Tensor labels) {
            return Losses.softmaxCrossEntropy(scores, labels.toIntArray()).mul(labels.size());
        }

        @Override
        public double[] predict(Tensor scores) {
            int[] classes = scores.argmax(1).toIntArray();
            double[] out = new double[classes.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = classes[i];
            }
            return out;
        }

        @Override
        public String toString() {
            return "Loss.softmaxCrossEntropy(" + classes + ")";
        }
    }

    /** The binary logistic loss; see {@link Loss}. */
    record Logistic() implements Loss {

        private static final long serialVersionUID = 1L;

        @Override
        public int classes() {
            return 2;
        }

        @Override
        public int outputs() {
            return 1;
        }

        /** log(1 + eᶻ) = max(z, 0) + log(1 + e^−|z|), which neither overflows nor loses small values. */
        @Override
        public Var summed(Var scores, Tensor labels) {
            Var z = scores.reshape(labels.size());
            Var softplus = z.relu().add(z.abs().neg().exp().add(1).log());
            return softplus.sub(Var.constant(labels).mul(z)).sum();
        }

        @Override
        public double[] predict(Tensor scores) {
            double[] z = scores.toArray();
            double[] out = new double[z.length];
            for (int i = 0; i < z.length; i++) {
                out[i] = z[i] > 0 ? 1 : 0;
            }
            return out;
        }

        @Override
        public String toString() {
            return "Loss.logistic()";
        }
    }

    /** Half the squared error; see {@link Loss}. */
    record SquaredError() implements Loss {

        private static final long serialVersionUID = 1L;

        @Override
        public int classes() {
            return 0;
        }

        @Override
        public int outputs() {
            return 1;
        }

        @Override
        public Var summed(Var scores, Tensor labels) {
            return scores.reshape(labels.size()).sub(Var.constant(labels)).square().sum().mul(0.5);
        }

        @Override
        public double[] predict(Tensor scores) {
            return scores.toArray();
        }

        @Override
        public String toString() {
            return "Loss.squaredError()";
        }
    }
}
