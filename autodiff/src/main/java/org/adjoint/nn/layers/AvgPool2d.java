package org.adjoint.nn.layers;

import java.util.Objects;
import org.adjoint.autodiff.Var;
import org.adjoint.nn.Layer;
import org.adjoint.nn.Variables;

/**
 * Average pooling over square windows (PyTorch's {@code nn.AvgPool2d} with its default
 * {@code count_include_pad=True}), without parameters.
 *
 * @param kernel  window size
 * @param stride  step between windows (PyTorch's default is the kernel size)
 * @param padding zero padding on each side, at most half the kernel
 */
public record AvgPool2d(int kernel, int stride, int padding) implements Layer {

    /** Validates the sizes. */
    public AvgPool2d {
        Pooling.validate("AvgPool2d", kernel, stride, padding);
    }

    /** Windows of {@code kernel} with stride {@code kernel} and no padding. */
    public AvgPool2d(int kernel) {
        this(kernel, kernel, 0);
    }

    @Override
    public Var forward(Variables params, Var x) {
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(x, "x");
        return x.avgPool2d(kernel, stride, padding);
    }
}
