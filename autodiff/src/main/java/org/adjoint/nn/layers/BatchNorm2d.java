package org.adjoint.nn.layers;

import java.util.List;
import java.util.Objects;
import org.adjoint.autodiff.Var;
import org.adjoint.nn.Context;
import org.adjoint.nn.Forward;
import org.adjoint.nn.Layer;
import org.adjoint.nn.ParameterSpec;
import org.adjoint.nn.Variables;

/**
 * Batch normalization of an input {@code [N, C, H, W]}, per channel over N, H and W (PyTorch's {@code BatchNorm2d}):
 * {@code y = (x − μ)/√(σ² + eps) · weight + bias}. In a training pass μ and the biased variance σ² are
 * the batch's, and the pass returns the buffers {@code running_mean ← (1 − momentum)·running_mean +
 * momentum·μ}, {@code running_var} likewise with the unbiased variance, and {@code num_batches_tracked + 1};
 * in evaluation μ and σ² are the running statistics. Parameters {@code weight} (ones) and {@code bias}
 * (zeros) of shape {@code [C]} when {@code affine}; buffers {@code running_mean} (zeros),
 * {@code running_var} (ones) and {@code num_batches_tracked} (0), named as in PyTorch's state dict.
 * The two-argument {@link #forward(Variables, Var)} has neither mode nor buffers and refuses to run.
 *
 * @param channels the number of channels C
 * @param eps      added to the variance (PyTorch's default 1e-5)
 * @param momentum the weight of the batch statistics in the running average (PyTorch's default 0.1)
 * @param affine   whether to learn {@code weight} and {@code bias}
 */
public record BatchNorm2d(int channels, double eps, double momentum, boolean affine) implements Layer {

    /** Validates the sizes, eps and momentum. */
    public BatchNorm2d {
        BatchNormPass.validate("BatchNorm2d", channels, eps, momentum);
    }

    /** PyTorch's defaults: eps 1e-5, momentum 0.1, affine. */
    public BatchNorm2d(int channels) {
        this(channels, 1e-5, 0.1, true);
    }

    @Override
    public List<ParameterSpec> parameters() {
        return BatchNormPass.parameters(channels, affine);
    }

    @Override
    public List<ParameterSpec> buffers() {
        return BatchNormPass.buffers(channels);
    }

    /** Refuses: batch normalization needs a {@link Context}. */
    @Override
    public Var forward(Variables params, Var x) {
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(x, "x");
        throw BatchNormPass.needsContext("BatchNorm2d");
    }

    @Override
    public Forward forward(Variables params, Var x, Context ctx) {
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(ctx, "ctx");
        BatchNormPass.checkInput("BatchNorm2d", channels, x, 4);
        return BatchNormPass.forward(params, x, ctx, eps, momentum, affine);
    }
}
