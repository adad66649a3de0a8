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

    /** The predicted class of each example: the index of its largest score (the first on ties). */
    public static int[] predict(Model model, NamedTensors params, Tensor inputs) {
        Tensor scores = scores(model, params, inputs);
        if (scores.rank() != 2) {
            throw new IllegalArgumentException("predict: the model returned shape " + scores.shape()
                    + ", not one row of scores per example");
        }
        return scores.argmax(1).toIntArray();
    }

    /** The fraction of examples whose predicted class equals the label. */
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
