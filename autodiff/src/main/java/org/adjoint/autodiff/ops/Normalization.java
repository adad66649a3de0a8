package org.adjoint.autodiff.ops;

import java.util.Arrays;
import org.adjoint.autodiff.Var;
import org.adjoint.core.Shape;
import org.adjoint.core.Tensor;

/**
 * Layer and batch normalization as compositions of recorded ops ({@link Sum}, {@link Mul},
 * {@link Sqrt}, …), so their rules, Hessians included, come from those ops:
 * {@code y = (x − μ) / √(σ² + ε)} with μ and the biased variance σ² over the normalized axes, as in
 * PyTorch ({@code layer_norm}, {@code batch_norm}); the affine part belongs to the layers.
 */
public final class Normalization {

    private Normalization() {
    }

    /**
     * Batch statistics of a training step: the per-channel mean, the biased variance used to
     * normalize, and the unbiased variance ({@code σ² · n / (n − 1)}) that PyTorch's running average takes.
     *
     * @param output           the normalized input, recorded
     * @param mean             the per-channel mean, shape {@code [C]}
     * @param unbiasedVariance the per-channel unbiased variance, shape {@code [C]}
     */
    public record BatchStatistics(Var output, Tensor mean, Tensor unbiasedVariance) {
    }

    /**
     * {@code x} normalized over its last {@code k} axes: PyTorch's {@code layer_norm} with
     * {@code normalized_shape} the last k dimensions and no affine part.
     *
     * @throws IllegalArgumentException if k is not in [1, rank] or ε is negative or not finite
     */
    public static Var layerNorm(Var x, int k, double eps) {
        int rank = x.shape().rank();
        if (k < 1 || k > rank) {
            throw new IllegalArgumentException("layerNorm: cannot normalize the last " + k + " axes of shape " + x.shape());
        }
        checkEps("layerNorm", eps);
        int[] axes = new int[k];
        Arrays.setAll(axes, i -> rank - k + i);
        return normalize(x, axes, eps);
    }

    /**
     * Batch normalization of {@code x} of shape {@code [N, C, …]} with the batch's own statistics, per
     * channel C over N and the spatial axes (training mode).
     *
     * @throws IllegalArgumentException if x has rank below 2, or a channel has a single value (PyTorch:
     *     "Expected more than 1 value per channel when training")
     */
    public static BatchStatistics batchNormTraining(Var x, double eps) {
        int[] axes = batchAxes("batchNorm", x.shape());
        checkEps("batchNorm", eps);
        int n = x.shape().size() / x.shape().dim(1);
        if (n < 2) {
            throw new IllegalArgumentException("batchNorm: expected more than 1 value per channel when training, got"
                    + " input shape " + x.shape());
        }
        Tensor mean = x.value().mean(axes, false);
        Tensor biased = x.value().sub(x.value().mean(axes, true)).square().mean(axes, false);
        return new BatchStatistics(normalize(x, axes, eps), mean, biased.mul((double) n / (n - 1)));
    }

    /**
     * Batch normalization of {@code x} of shape {@code [N, C, …]} with given per-channel statistics
     * (evaluation mode, the running mean and variance): {@code (x − mean) / √(variance + ε)}.
     *
     * @throws IllegalArgumentException if the statistics are not vectors of C values
     */
    public static Var batchNormEvaluation(Var x, Tensor mean, Tensor variance, double eps) {
        batchAxes("batchNorm", x.shape());
        checkEps("batchNorm", eps);
        Shape channels = Shape.of(x.shape().dim(1));
        if (!mean.shape().equals(channels) || !variance.shape().equals(channels)) {
            throw new IllegalArgumentException("batchNorm: expected statistics of shape " + channels + " for input "
                    + x.shape() + " but got mean " + mean.shape() + " and variance " + variance.shape());
        }
        Shape perChannel = perChannel(x.shape());
        Tensor scale = variance.add(eps).sqrt().reshape(perChannel);
        return x.sub(Var.constant(mean.reshape(perChannel))).div(Var.constant(scale));
    }

    /** The shape {@code [1, C, 1, …]} that broadcasts a per-channel vector against an input {@code [N, C, …]}. */
    public static Shape perChannel(Shape input) {
        int[] dims = new int[input.rank()];
        Arrays.fill(dims, 1);
        dims[1] = input.dim(1);
        return Shape.of(dims);
    }

    private static Var normalize(Var x, int[] axes, double eps) {
        Var centered = x.sub(x.mean(axes, true));
        return centered.div(centered.square().mean(axes, true).add(eps).sqrt());
    }

    private static int[] batchAxes(String op, Shape shape) {
        if (shape.rank() < 2) {
            throw new IllegalArgumentException(op + ": expected an input [N, C, …] of rank at least 2 but got shape " + shape);
        }
        int[] axes = new int[shape.rank() - 1];
        for (int i = 0; i < axes.length; i++) {
            axes[i] = i == 0 ? 0 : i + 1;
        }
        return axes;
    }

    private static void checkEps(String op, double eps) {
        if (!(eps >= 0) || !Double.isFinite(eps)) {
            throw new IllegalArgumentException(op + ": eps = " + eps + " must be finite and non-negative");
        }
    }
}
