package org.adjoint.autodiff.ops;

import org.adjoint.autodiff.Op;
import org.adjoint.autodiff.Var;
import org.adjoint.core.ConvGeometry;
import org.adjoint.core.Shape;

/**
 * z = conv2dᵀ(g, w): the transposed convolution of g (N, O, OH, OW) with w into {@code inputShape},
 * the input gradient of {@link Conv2d};  ḡ = conv2d(z̄, w),  w̄ = {@link Conv2dWeightGrad}(z̄, g).
 */
public record Conv2dInputGrad(ConvGeometry geometry, Shape inputShape) implements Op {

    /** Records the transposed convolution of {@code g} with {@code weight} into {@code inputShape}. */
    public static Var apply(Var g, Var weight, ConvGeometry geometry, Shape inputShape) {
        return Var.record(new Conv2dInputGrad(geometry, inputShape),
                g.value().conv2dInputGrad(weight.value(), geometry, inputShape), g, weight);
    }

    @Override
    public Var vjp(int input, Var[] inputs, Var output, Var outputBar) {
        return input == 0
                ? Conv2d.apply(outputBar, inputs[1], geometry)
                : Conv2dWeightGrad.apply(outputBar, inputs[0], geometry, inputs[1].shape());
    }
}
