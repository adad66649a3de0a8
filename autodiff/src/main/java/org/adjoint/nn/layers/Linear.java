package org.adjoint.nn.layers;

import java.util.List;
import java.util.Objects;
import org.adjoint.autodiff.Var;
import org.adjoint.core.Shape;
import org.adjoint.nn.Layer;
import org.adjoint.nn.ParameterSpec;
import org.adjoint.nn.Variables;
import org.adjoint.nn.init.Initializer;

/**
 * The lessons' linear score function {@code f(x; W) = W·x}, applied to a batch as {@code x·Wᵀ}, with
 * {@code W} of shape {@code [classes, features]} and no bias. For the "bias trick" put
 * {@link AppendOnes} in front and give the layer one more input: the last column of W is then the bias.
 * Parameter {@code weight}, initialized as the lessons do with {@code normal(0, 0.001)} by default.
 *
 * @param in         the number of input features
 * @param out        the number of classes
 * @param weightInit how {@code weight} is initialized
 */
public record Linear(int in, int out, Initializer weightInit) implements Layer {

    /** Validates the sizes; refuses a null initializer. */
    public Linear {
        Objects.requireNonNull(weightInit, "weightInit");
        if (in < 1 || out < 1) {
            throw new IllegalArgumentException("Linear: sizes in = " + in + " and out = " + out + " must be positive");
        }
    }

    /** A layer from {@code in} features to {@code out} scores, weights drawn from {@code normal(0, 0.001)}. */
    public Linear(int in, int out) {
        this(in, out, Initializer.normal(0, 0.001));
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(new ParameterSpec("weight", Shape.of(out, in), weightInit));
    }

    @Override
    public Var forward(Variables params, Var x) {
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(x, "x");
        return timesWeightTransposed("Linear", in, x, params.get("weight"));
    }

    /**
     * {@code x·Wᵀ} for a batch {@code [n, in]} or a single example {@code [in]} (which gives a vector),
     * with an error that names the layer when x has the wrong number of features.
     */
    static Var timesWeightTransposed(String layer, int in, Var x, Var weight) {
        int rank = x.shape().rank();
        if (rank < 1 || rank > 2 || x.shape().dim(-1) != in) {
            throw new IllegalArgumentException(layer + ": expected an input [n, " + in + "] or [" + in + "] but got shape "
                    + x.shape());
        }
        return rank == 2 ? x.matmulTransposed(weight) : x.reshape(1, in).matmulTransposed(weight).reshape(-1);
    }
}
