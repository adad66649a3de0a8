package org.adjoint.nn.layers;

import java.util.List;
import java.util.Objects;
import org.adjoint.autodiff.Var;
import org.adjoint.core.NamedTensors;
import org.adjoint.core.Shape;
import org.adjoint.nn.Layer;
import org.adjoint.nn.ParameterSpec;
import org.adjoint.nn.Variables;
import org.adjoint.nn.init.Initializer;

/**
 * The fully connected layer {@code y = x·Wᵀ + b} with {@code W} of shape {@code [out, in]} and
 * {@code b} of shape {@code [out]} (PyTorch's {@code Linear}). Parameters {@code weight} (He normal by
 * default, for ReLU networks) and {@code bias} (zeros).
 *
 * @param in          the number of input features
 * @param out         the number of outputs
 * @param weightInit  how {@code weight} is initialized
 */
public record Affine(int in, int out, Initializer weightInit) implements Layer {

    /** Validates the sizes; refuses a null initializer. */
    public Affine {
        Objects.requireNonNull(weightInit, "weightInit");
        if (in < 1 || out < 1) {
            throw new IllegalArgumentException("Affine: sizes in = " + in + " and out = " + out + " must be positive");
        }
    }

    /** A layer from {@code in} to {@code out} features with He-normal weights. */
    public Affine(int in, int out) {
        this(in, out, Initializer.heNormal());
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(new ParameterSpec("weight", Shape.of(out, in), weightInit),
                new ParameterSpec("bias", Shape.of(out), Initializer.zeros()));
    }

    @Override
    public Var forward(Variables params, Var x) {
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(x, "x");
        return Linear.timesWeightTransposed("Affine", in, x, params.get("weight")).add(params.get("bias"));
    }
}
