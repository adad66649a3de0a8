package org.adjoint.nn;

import java.util.Objects;
import org.adjoint.autodiff.Var;
import org.adjoint.core.NamedTensors;
import org.adjoint.core.Tensor;

/**
 * Evaluation helpers: class scores, predicted classes and accuracy. They run the model on constants,
 * so no graph is recorded.
 */
public final class Predictions {

    private Predictions() {
    }

    /** The model's output for a batch, one row of class scores per example. */
    public static Tensor scores(Model model, NamedTensors params, Tensor inputs) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(inputs, "inputs");
        return model.forward(Variables.constants(params), Var.constant(inputs)).value();
    }

    /**
     * The predicted class of each example: the index of its largest score (the first on ties). Infinite
     * scores rank as usual; a NaN score ranks with nothing, so it is an error rather than a guess
     * (NumPy's argmax would pick the NaN, and an all-NaN model would score as accurate as its labels
     * are often class 0; scikit-learn refuses NaN input likewise).
     *
     * @throws IllegalArgumentException if the scores are not a matrix, or naming the first NaN score
     */
    public static int[] predict(Model model, NamedTensors params, Tensor inputs) {
        Tensor scores = scores(model, params, inputs);
        if (scores.rank() != 2) {
            throw new IllegalArgumentException("predict: the model returned shape " + scores.shape()
                    + ", not one row of scores per example");
        }
        requireNoNaN(scores);
        return scores.argmax(1).toIntArray();
    }

    private static void requireNoNaN(Tensor scores) {
        if (scores.isFinite()) {
            return;
        }
        double[] data = scores.toArray();
        int classes = scores.shape().dim(1);
        for (int i = 0; i < data.length; i++) {
            if (Double.isNaN(data[i])) {
                throw new IllegalArgumentException("predict: the model's scores hold NaN (first at example "
                        + i / classes + ", class " + i % classes + " of shape " + scores.shape()
                        + "); a NaN score has no ranking, so no class can be predicted");
            }
        }
    }

    /**
     * The fraction of examples whose predicted class equals the label.
     *
     * @throws IllegalArgumentException if a score is NaN (see {@link #predict})
     */
    public static double accuracy(Model model, NamedTensors params, Tensor inputs, int[] labels) {
        Objects.requireNonNull(labels, "labels");
        return accuracy(predict(model, params, inputs), labels);
    }

    /** The fraction of positions where {@code predicted} equals {@code labels}. */
    public static double accuracy(int[] predicted, int[] labels) {
        if (predicted.length != labels.length || labels.length == 0) {
            throw new IllegalArgumentException("accuracy: " + predicted.length + " predictions for " + labels.length
                    + " labels; need the same positive number");
        }
        int correct = 0;
        for (int i = 0; i < labels.length; i++) {
            if (predicted[i] == labels[i]) {
                correct++;
            }
        }
        return (double) correct / labels.length;
    }
}
