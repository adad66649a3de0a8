package org.adjoint.nn.layers;

import java.util.Objects;
import org.adjoint.autodiff.Var;
import org.adjoint.nn.Layer;
import org.adjoint.nn.Variables;

/**
 * Max pooling over square windows (PyTorch's {@code nn.MaxPool2d}), without parameters. At a tie the
 * cotangent goes to the first maximum of the window (see {@link org.adjoint.autodiff.Convolutions}).
 *
 * @param kernel  window size
 * @param stride  step between windows (PyTorch's default is the kernel size)
 * @param padding −∞ padding on each side, at most half the kernel
 */
public record MaxPool2d(int kernel, int stride, int padding) implements Layer {

    /** Validates the sizes. */
    public MaxPool2d {
        Pooling.validate("MaxPool2d", kernel, stride, padding);
    }

    /** Windows of {@code kernel} with stride {@code kernel} and no padding. */
    public MaxPool2d(int kernel) {
        this(kernel, kernel, 0);
    }

    @Override
    public Var forward(Variables params, Var x) {
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(x, "x");
        return x.maxPool2d(kernel, stride, padding);
    }
}
