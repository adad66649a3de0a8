package org.adjoint.autodiff.ops;

import org.adjoint.autodiff.Op;
import org.adjoint.autodiff.Var;
import org.adjoint.core.ConvGeometry;
import org.adjoint.core.Shape;

/**
 * v = the weight gradient of {@link Conv2d} for input x and output cotangent g, of shape
 * {@code weightShape};  x̄ = {@link Conv2dInputGrad}(g, v̄),  ḡ = conv2d(x, v̄).
 */
public record Conv2dWeightGrad(ConvGeometry geometry, Shape weightShape) implements Op {

    /** Records the weight gradient of {@code conv2d} for input {@code x} and output cotangent {@code g}. */
    public static Var apply(Var x, Var g, ConvGeometry geometry, Shape weightShape) {
        return Var.record(new Conv2dWeightGrad(geometry, weightShape),
                x.value().conv2dWeightGrad(g.value(), geometry, weightShape), x, g);
    }

    @Override
    public Var vjp(int input, Var[] inputs, Var output, Var outputBar) {
        return input == 0
                ? Conv2dInputGrad.apply(inputs[1], outputBar, geometry, inputs[0].shape())
                : Conv2d.apply(inputs[0], outputBar, geometry);
    }
}
