package org.adjoint.autodiff.ops;

import org.adjoint.autodiff.Op;
import org.adjoint.autodiff.Var;
import org.adjoint.core.ConvGeometry;

/**
 * y = conv2d(x, w) (PyTorch's cross-correlation, placed by {@code geometry});
 * x̄ = {@link Conv2dInputGrad}(ȳ, w) (the transposed convolution),  w̄ = {@link Conv2dWeightGrad}(x, ȳ).
 * The three ops are bilinear and each one's rules use the other two, so every derivative order is a
 * convolution again.
 */
public record Conv2d(ConvGeometry geometry) implements Op {

    /** Records {@code conv2d(x, weight)}. */
    public static Var apply(Var x, Var weight, ConvGeometry geometry) {
        return Var.record(new Conv2d(geometry), x.value().conv2d(weight.value(), geometry), x, weight);
    }

    @Override
    public Var vjp(int input, Var[] inputs, Var output, Var outputBar) {
        return input == 0
                ? Conv2dInputGrad.apply(outputBar, inputs[1], geometry, inputs[0].shape())
                : Conv2dWeightGrad.apply(inputs[0], outputBar, geometry, inputs[1].shape());
    }
}
