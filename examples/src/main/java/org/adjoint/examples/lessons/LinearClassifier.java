package org.adjoint.examples.lessons;

import org.adjoint.autodiff.Losses;
import org.adjoint.autodiff.Var;
import org.adjoint.core.Tensor;
import org.adjoint.optim.train.LabeledData;

/**
 * The lessons' linear classifier {@code f(x; W) = W·x} with the bias trick: every input gets a
 * trailing 1, so the last column of {@code W} ({@code [classes, features + 1]}) is the bias. Scores
 * of a batch are {@code X·Wᵀ}.
 */
final class LinearClassifier {

    /** The two losses of the lessons, each plus {@code λ·Σ W²}. */
    enum Loss {
        /** Multiclass SVM (hinge) loss with margin Δ = 1. */
        SVM,
        /** Softmax cross-entropy. */
        SOFTMAX;

        String label() {
            return this == SVM ? "SVM" : "softmax";
        }
    }

    private LinearClassifier() {
    }

    /** The inputs with a column of ones appended (the bias trick). */
    static Tensor withOnes(Tensor inputs) {
        return Tensor.concat(1, inputs, Tensor.ones(inputs.shape().dim(0), 1));
    }

    /** The data with a column of ones appended to its inputs. */
    static LabeledData withOnes(LabeledData data) {
        return new LabeledData(withOnes(data.inputs()), data.labels());
    }

    /** The regularized loss of weights {@code w} on {@code data} (inputs already with ones). */
    static Var loss(Loss kind, Var w, LabeledData data, double reg) {
        Var scores = Var.constant(data.inputs()).matmulTransposed(w);
        Var dataLoss = kind == Loss.SVM
                ? Losses.multiclassHinge(scores, data.labels(), 1.0)
                : Losses.softmaxCrossEntropy(scores, data.labels());
        return reg == 0 ? dataLoss : dataLoss.add(Losses.l2(w, reg));
    }

    /** The fraction of {@code data} whose highest score is the label. */
    static double accuracy(Tensor w, LabeledData data) {
        Tensor predicted = data.inputs().matmulTransposed(w).argmax(1);
        int[] labels = data.labels();
        int correct = 0;
        for (int i = 0; i < labels.length; i++) {
            if ((int) predicted.get(i) == labels[i]) {
                correct++;
            }
        }
        return (double) correct / labels.length;
    }
}
