package org.adjoint.nn.layers;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.adjoint.autodiff.Convolutions;
import org.adjoint.autodiff.Var;
import org.adjoint.core.Shape;
import org.adjoint.nn.Layer;
import org.adjoint.nn.ParameterSpec;
import org.adjoint.nn.Variables;
import org.adjoint.nn.init.Initializer;

/**
 * A two-dimensional convolution layer (PyTorch's {@code nn.Conv2d}) on inputs (N, in, H, W): parameter
 * {@code weight} (out, in/groups, kernel, kernel) and, if {@code bias}, {@code bias} (out). By default
 * initialized as PyTorch does: weight {@link Initializer#torchDefault()} (Kaiming uniform with a = √5),
 * bias {@link Initializer#torchBias(int)} with the weight's fan-in.
 *
 * @param in         input channels
 * @param out        output channels
 * @param kernel     square kernel size
 * @param stride     step between windows
 * @param padding    zeros added on each side
 * @param groups     channel groups ({@code groups = in} is a depthwise convolution)
 * @param bias       whether the layer adds a learned bias per output channel
 * @param weightInit how {@code weight} is initialized
 */
public record Conv2d(int in, int out, int kernel, int stride, int padding, int groups, boolean bias,
                     Initializer weightInit) implements Layer {

    /** Validates the sizes, naming the layer and the values. */
    public Conv2d {
        Objects.requireNonNull(weightInit, "weightInit");
        if (in < 1 || out < 1 || kernel < 1 || stride < 1 || padding < 0 || groups < 1
                || in % groups != 0 || out % groups != 0) {
            throw new IllegalArgumentException("Conv2d: in " + in + ", out " + out + ", kernel " + kernel + ", stride "
                    + stride + ", padding " + padding + ", groups " + groups + " — sizes must be positive, padding"
                    + " non-negative, and in and out multiples of groups");
        }
    }

    /** A layer with stride 1, no padding, one group, a bias and PyTorch's initialization. */
    public Conv2d(int in, int out, int kernel) {
        this(in, out, kernel, 1, 0, 1, true, Initializer.torchDefault());
    }

    /** A layer with the given stride and padding, one group, a bias and PyTorch's initialization. */
    public Conv2d(int in, int out, int kernel, int stride, int padding) {
        this(in, out, kernel, stride, padding, 1, true, Initializer.torchDefault());
    }

    @Override
    public List<ParameterSpec> parameters() {
        List<ParameterSpec> specs = new ArrayList<>();
        specs.add(new ParameterSpec("weight", Shape.of(out, in / groups, kernel, kernel), weightInit));
        if (bias) {
            specs.add(new ParameterSpec("bias", Shape.of(out), Initializer.torchBias(in / groups * kernel * kernel)));
        }
        return List.copyOf(specs);
    }

    @Override
    public Var forward(Variables params, Var x) {
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(x, "x");
        if (x.shape().rank() != 4 || x.shape().dim(1) != in) {
            throw new IllegalArgumentException("Conv2d: input " + x.shape() + " must be (N, " + in + ", H, W)");
        }
        Var y = Convolutions.conv2d(x, params.get("weight"), stride, padding, 1, groups);
        return bias ? y.add(params.get("bias").reshape(1, out, 1, 1)) : y;
    }
}
