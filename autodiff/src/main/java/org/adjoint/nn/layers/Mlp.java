package org.adjoint.nn.layers;

import java.util.Objects;
import org.adjoint.nn.init.Initializer;

/**
 * A multilayer perceptron from a list of widths: {@code Mlp.of(Activation.RELU, 784, 128, 10)} is
 * {@code Affine(784, 128)}, ReLU, {@code Affine(128, 10)}, named {@code layer1} and {@code layer2}.
 * The last layer has no activation: it produces scores (logits) for a loss such as softmax
 * cross-entropy. Weights are He-normal for ReLU and Xavier-normal for tanh and sigmoid.
 */
public final class Mlp {

    private Mlp() {
    }

    /**
     * The network with the given widths, input first and output last.
     *
     * @throws IllegalArgumentException if fewer than two widths are given or any is below 1
     */
    public static Sequential of(Activation activation, int... widths) {
        Objects.requireNonNull(activation, "activation");
        Objects.requireNonNull(widths, "widths");
        if (widths.length < 2) {
            throw new IllegalArgumentException("Mlp: need at least an input and an output width, got "
                    + java.util.Arrays.toString(widths));
        }
        Initializer init = activation == Activation.RELU ? Initializer.heNormal() : Initializer.xavierNormal();
        Sequential net = Sequential.of();
        for (int i = 0; i + 1 < widths.length; i++) {
            net = net.then(new Affine(widths[i], widths[i + 1], init));
            if (i + 2 < widths.length) {
                net = net.then(activation);
            }
        }
        return net;
    }
}
