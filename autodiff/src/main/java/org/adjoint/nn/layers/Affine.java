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
 * {@code b} of shape {@code [out]} (PyTorch's {@code Linear}). By default both are initialized as
 * PyTorch's {@code Linear} does: {@code weight} by {@link Initializer#torchDefault()} (Kaiming uniform
 * with a = √5, i.e. U(±1/√in)) and {@code bias} by {@link Initializer#torchBias(int)} (U(±1/√in)).
 * With an explicit weight initializer the bias starts at zero unless one is given too.
 *
 * @param in          the number of input features
 * @param out         the number of outputs
 * @param weightInit  how {@code weight} is initialized
 * @param biasInit    how {@code bias} is initialized
 */
public record Affine(int in, int out, Initializer weightInit, Initializer biasInit) implements Layer {

    /** Validates the sizes; refuses a null initializer. */
    public Affine {
        Objects.requireNonNull(weightInit, "weightInit");
        Objects.requireNonNull(biasInit, "biasInit");
        if (in < 1 || out < 1) {
            throw new IllegalArgumentException("Affine: sizes in = " + in + " and out = " + out + " must be positive");
        }
    }

    /** A layer from {@code in} to {@code out} features initialized as PyTorch's {@code nn.Linear(in, out)}. */
    public Affine(int in, int out) {
        this(in, out, Initializer.torchDefault(), Initializer.torchBias(Math.max(in, 1))); // in < 1: refused below
    }

    /** A layer with the given weight initializer and a zero bias. */
    public Affine(int in, int out, Initializer weightInit) {
        this(in, out, weightInit, Initializer.zeros());
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(new ParameterSpec("weight", Shape.of(out, in), weightInit),
                new ParameterSpec("bias", Shape.of(out), biasInit));
    }

    @Override
    public Var forward(Variables params, Var x) {
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(x, "x");
        return Linear.timesWeightTransposed("Affine", in, x, params.get("weight")).add(params.get("bias"));
    }
}
