package org.adjoint.autodiff;

import org.adjoint.autodiff.ops.IntList;
import org.adjoint.autodiff.ops.SoftmaxCrossEntropy;
import org.adjoint.core.Tensor;

/**
 * The loss functions of the optimization lessons, written with {@link Var} operations so that their
 * gradients and Hessians come from the ops' rules. Scores are an {@code n × c} matrix (one row per
 * example, one column per class) and labels one class index per row. Each data loss is the mean
 * over the n examples, so a batch of no examples is an error, not NaN.
 */
public final class Losses {

    private Losses() {
    }

    /**
     * Softmax cross-entropy {@code (1/n) Σᵢ −log softmax(sᵢ)[yᵢ]}, computed from the logits through
     * log-softmax so it neither overflows nor takes the log of 0. Its gradient with respect to the
     * scores is {@code (softmax(s) − onehot(y)) / n}.
     */
    public static Var softmaxCrossEntropy(Var scores, int[] labels) {
        checkScores("softmaxCrossEntropy", scores, labels);
        return Var.apply(new SoftmaxCrossEntropy(IntList.copyOf(labels)), scores);
    }

    /**
     * The multiclass SVM (hinge) loss {@code (1/n) Σᵢ Σ_{j≠yᵢ} max(0, s_ij − s_iyᵢ + Δ)}. Its
     * subgradient is {@code 1(margin_j > 0)} for each wrong class j and minus the number of positive
     * margins for the correct class (a margin of exactly 0 counts as inactive, as relu'(0) = 0).
     *
     * Infinite scores are limits: a correct score of +∞ costs 0 (the correct class's own term, ∞ − ∞,
     * is left out rather than multiplied by 0), and a wrong score of +∞ costs +∞.
     *
     * @param delta the margin Δ, usually 1; it must be finite
     * @throws IllegalArgumentException if Δ is NaN or infinite, or the scores and labels disagree
     */
    public static Var multiclassHinge(Var scores, int[] labels, double delta) {
        checkScores("multiclassHinge", scores, labels);
        if (!Double.isFinite(delta)) {
            throw new IllegalArgumentException("multiclassHinge: the margin delta = " + delta + " must be finite");
        }
        int n = labels.length;
        int classes = scores.shape().dim(1);
        Var correct = scores.gather(labels).reshape(n, 1);
        Var margins = scores.sub(correct).add(delta).relu();
        Tensor wrongClass = Tensor.oneHot(labels, classes).neg().add(1);
        return Var.where(wrongClass, margins, Var.constant(Tensor.zeros(n, classes))).sum().div(n);
    }

    /**
     * The mean squared error {@code mean((prediction − target)²)} over all elements. The shapes must be
     * equal: a loss does not broadcast (a [3, 1] prediction against a [3] target would average a 3 × 3
     * table); broadcast the target explicitly ({@link Var#broadcastTo}) if that is meant.
     *
     * @throws IllegalArgumentException naming both shapes if they differ, or if there are no elements
     */
    public static Var meanSquaredError(Var prediction, Var target) {
        if (!prediction.shape().equals(target.shape())) {
            throw new IllegalArgumentException("meanSquaredError: the prediction's shape " + prediction.shape()
                    + " differs from the target's shape " + target.shape() + "; losses do not broadcast: reshape one,"
                    + " or broadcast the target explicitly with broadcastTo");
        }
        if (prediction.shape().size() == 0) {
            throw new IllegalArgumentException("meanSquaredError: prediction " + prediction.shape() + " and target "
                    + target.shape() + " have no elements; the mean over none is undefined");
        }
        return prediction.sub(target).square().mean();
    }

    /** L2 regularization {@code λ · Σ w²} (without the factor ½; its gradient is {@code 2λw}). */
    public static Var l2(Var weights, double lambda) {
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("l2: lambda = " + lambda + " must be finite and non-negative");
        }
        return weights.square().sum().mul(lambda);
    }

    private static void checkScores(String op, Var scores, int[] labels) {
        if (scores.shape().rank() != 2 || scores.shape().dim(0) != labels.length) {
            throw new IllegalArgumentException(op + ": scores of shape " + scores.shape()
                    + " need to be an n × classes matrix with one label per row; got " + labels.length + " labels");
        }
        if (labels.length == 0) {
            throw new IllegalArgumentException(op + ": scores of shape " + scores.shape()
                    + " hold no examples; the mean loss over none is undefined");
        }
        int classes = scores.shape().dim(1);
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException(op + ": label " + labels[i] + " of example " + i
                        + " is outside [0, " + classes + ")");
            }
        }
    }
}
