package org.adjoint.autodiff;

import java.util.Objects;
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

    // ---------------------------------------------------------------- issue 21: losses as PyTorch's

    /**
     * Binary cross-entropy on logits x against targets y in [0, 1], PyTorch's
     * {@code binary_cross_entropy_with_logits} (mean): {@code mean((1 − y)·x + softplus(−x))}, which is
     * {@code −y·log σ(x) − (1 − y)·log(1 − σ(x))} without overflow or log 0.
     *
     * @throws IllegalArgumentException if the shapes differ or there are no elements
     */
    public static Var binaryCrossEntropyWithLogits(Var logits, Var targets) {
        LossChecks.sameShape("binaryCrossEntropyWithLogits", "logits", logits, "targets", targets);
        return targets.neg().add(1).mul(logits).add(logits.neg().softplus()).mean();
    }

    /**
     * {@link #binaryCrossEntropyWithLogits(Var, Var)} with PyTorch's {@code pos_weight}: the positive
     * term of class j weighted by {@code posWeight[j]}, the classes along the last axis:
     * {@code mean((1 − y)·x + (1 + (p − 1)·y)·softplus(−x))}.
     *
     * @throws IllegalArgumentException if the shapes differ, or posWeight is not one finite,
     *     non-negative weight per class
     */
    public static Var binaryCrossEntropyWithLogits(Var logits, Var targets, Tensor posWeight) {
        Objects.requireNonNull(posWeight, "posWeight");
        String loss = "binaryCrossEntropyWithLogits";
        LossChecks.sameShape(loss, "logits", logits, "targets", targets);
        int rank = logits.shape().rank();
        LossChecks.classWeights(loss, posWeight.toArray(), posWeight.shape().dims(),
                rank == 0 ? 1 : logits.shape().dim(rank - 1));
        Var logWeight = targets.mul(Var.constant(posWeight.add(-1))).add(1);
        return targets.neg().add(1).mul(logits).add(logWeight.mul(logits.neg().softplus())).mean();
    }

    /**
     * The negative log-likelihood of labels under log-probabilities (an n × c matrix, one row per
     * example), PyTorch's {@code nll_loss} (mean): {@code −(1/n) Σᵢ logp[i, yᵢ]}.
     */
    public static Var negativeLogLikelihood(Var logProbabilities, int[] labels) {
        checkScores("negativeLogLikelihood", logProbabilities, labels);
        return logProbabilities.gather(labels).mean().neg();
    }

    /**
     * The class-weighted negative log-likelihood, PyTorch's {@code nll_loss(weight=w)}: the weighted
     * mean {@code −Σᵢ w[yᵢ]·logp[i, yᵢ] / Σᵢ w[yᵢ]}.
     *
     * @throws IllegalArgumentException if the weights are not one finite, non-negative weight per
     *     class, or the labels' weights sum to 0
     */
    public static Var negativeLogLikelihood(Var logProbabilities, int[] labels, Tensor classWeights) {
        Objects.requireNonNull(classWeights, "classWeights");
        String loss = "negativeLogLikelihood";
        checkScores(loss, logProbabilities, labels);
        double[] w = classWeights.toArray();
        LossChecks.classWeights(loss, w, classWeights.shape().dims(), logProbabilities.shape().dim(1));
        Tensor picked = Tensor.vector(LossChecks.labelWeights(loss, w, labels));
        return logProbabilities.gather(labels).mul(Var.constant(picked)).sum().div(-picked.sum().item());
    }

    /**
     * The Huber loss, PyTorch's {@code huber_loss(delta=δ)} (mean) of d = prediction − target:
     * {@code ½d²} where |d| &lt; δ, else {@code δ·(|d| − ½δ)}. At |d| = δ the linear branch is taken:
     * the gradient, δ·sign d, is continuous there, and the second derivative is 0.
     *
     * @throws IllegalArgumentException if the shapes differ, or δ is not positive and finite
     */
    public static Var huber(Var prediction, Var target, double delta) {
        LossChecks.sameShape("huber", "prediction", prediction, "target", target);
        LossChecks.finiteAbove("huber", "delta", delta, 0, false);
        Var d = prediction.sub(target);
        Tensor quadratic = d.value().abs().map(a -> a < delta ? 1 : 0);
        return Var.where(quadratic, d.square().mul(0.5), d.abs().sub(0.5 * delta).mul(delta)).mean();
    }

    /**
     * The smooth L1 loss, PyTorch's {@code smooth_l1_loss(beta=β)} (mean): {@code ½d²/β} where
     * |d| &lt; β, else {@code |d| − ½β}; that is {@link #huber} with δ = β, divided by β, and for β = 0
     * the mean absolute error (whose subgradient at d = 0 is 0).
     *
     * @throws IllegalArgumentException if the shapes differ, or β is negative or not finite
     */
    public static Var smoothL1(Var prediction, Var target, double beta) {
        LossChecks.sameShape("smoothL1", "prediction", prediction, "target", target);
        LossChecks.finiteAbove("smoothL1", "beta", beta, 0, true);
        return beta == 0 ? prediction.sub(target).abs().mean() : huber(prediction, target, beta).div(beta);
    }

    /**
     * The Kullback–Leibler divergence KL(p ‖ q) from log-probabilities log q and probabilities p,
     * PyTorch's {@code kl_div(logq, p, reduction='batchmean')}: {@code Σ p·(log p − log q) / n} with n
     * the extent of the first axis. Elements with p = 0 contribute 0 (and no gradient).
     *
     * @throws IllegalArgumentException if the shapes differ, the value is a scalar, or a target is
     *     negative or NaN
     */
    public static Var klDivergence(Var logQ, Var p) {
        LossChecks.sameShape("klDivergence", "log-probabilities", logQ, "target probabilities", p);
        if (logQ.shape().rank() == 0 || !(p.value().min().item() >= 0)) {
            throw new IllegalArgumentException("klDivergence: needs a batch axis (shape " + logQ.shape()
                    + ") and target probabilities that are not negative or NaN (smallest " + p.value().min().item() + ")");
        }
        Tensor positive = p.value().gt(0);
        Var terms = p.mul(p.log().sub(logQ));
        return Var.where(positive, terms, Var.constant(0)).sum().div(logQ.shape().dim(0));
    }

    /**
     * Softmax cross-entropy with label smoothing ε, PyTorch's {@code cross_entropy(label_smoothing=ε)}:
     * {@code (1 − ε)·CE + ε/c · (1/n) Σᵢ Σⱼ −log softmax(sᵢ)ⱼ}, the target spread ε/c over the c classes.
     *
     * @throws IllegalArgumentException if ε is outside [0, 1], or the scores and labels disagree
     */
    public static Var softmaxCrossEntropy(Var scores, int[] labels, double labelSmoothing) {
        checkScores("softmaxCrossEntropy", scores, labels);
        return smoothedCrossEntropy(scores, labels, Tensor.ones(scores.shape().dim(1)), labelSmoothing);
    }

    /**
     * Softmax cross-entropy with class weights w and label smoothing ε, exactly as PyTorch's
     * {@code cross_entropy(weight=w, label_smoothing=ε)} (mean): with W = Σᵢ w[yᵢ],
     * {@code (1 − ε)·Σᵢ w[yᵢ]·(−log softmax(sᵢ)[yᵢ]) / W + ε/c · Σᵢ Σⱼ wⱼ·(−log softmax(sᵢ)ⱼ) / W}:
     * the smoothing term weights each class by its own weight but is normalized by the labels' weights.
     *
     * @throws IllegalArgumentException if ε is outside [0, 1], the weights are not one finite,
     *     non-negative weight per class, the labels' weights sum to 0, or the scores and labels disagree
     */
    public static Var softmaxCrossEntropy(Var scores, int[] labels, Tensor classWeights, double labelSmoothing) {
        Objects.requireNonNull(classWeights, "classWeights");
        checkScores("softmaxCrossEntropy", scores, labels);
        LossChecks.classWeights("softmaxCrossEntropy", classWeights.toArray(), classWeights.shape().dims(),
                scores.shape().dim(1));
        return smoothedCrossEntropy(scores, labels, classWeights, labelSmoothing);
    }

    private static Var smoothedCrossEntropy(Var scores, int[] labels, Tensor w, double epsilon) {
        if (!(epsilon >= 0 && epsilon <= 1)) {
            throw new IllegalArgumentException("softmaxCrossEntropy: label smoothing " + epsilon + " must be in [0, 1]");
        }
        int classes = scores.shape().dim(1);
        Tensor picked = Tensor.vector(LossChecks.labelWeights("softmaxCrossEntropy", w.toArray(), labels));
        double total = picked.sum().item();
        Var logP = scores.logSoftmax(1);
        Var nll = logP.gather(labels).mul(Var.constant(picked)).sum().div(-total);
        Var smooth = logP.mul(Var.constant(w.reshape(1, classes))).sum().div(-total);
        return nll.mul(1 - epsilon).add(smooth.mul(epsilon / classes));
    }
}
