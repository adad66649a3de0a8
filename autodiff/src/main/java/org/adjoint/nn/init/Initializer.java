package org.adjoint.nn.init;

import java.util.random.RandomGenerator;
import org.adjoint.core.Shape;
import org.adjoint.core.Tensor;

/**
 * How a parameter tensor gets its first values. Every initializer draws from the random generator it
 * is given, so a seeded generator gives the same parameters every time.
 *
 * <p>The scaled initializers depend on a tensor's fan-in and fan-out ({@link Fans#of}): for a weight
 * of shape {@code [out, in, k…]} (the layout of {@code Affine}'s weight, and of a convolution's) the
 * fan-in is {@code in · Πk} and the fan-out {@code out · Πk}; a vector has fan-in = fan-out = its
 * length, and a scalar 1. This is PyTorch's rule.
 *
 * <p>The factories' initializers are values: equal when made with equal arguments, and printed as
 * the call that made them ({@code normal(0.0, 0.001)}), so a layer's {@code toString} and an error
 * message name them. A lambda works as an initializer too, but prints as its class name.
 */
@FunctionalInterface
public interface Initializer {

    /** A tensor of the given shape, drawn from {@code random}. */
    Tensor sample(Shape shape, RandomGenerator random);

    /** The fan-in and fan-out of a parameter tensor, by the rule in {@link Initializer}. */
    record Fans(int in, int out) {

        /** The fans of a tensor of shape {@code shape}. */
        public static Fans of(Shape shape) {
            if (shape.rank() == 0) {
                return new Fans(1, 1);
            }
            if (shape.rank() == 1) {
                return new Fans(shape.dim(0), shape.dim(0));
            }
            int receptive = shape.size() / Math.max(1, shape.dim(0) * shape.dim(1));
            return new Fans(shape.dim(1) * receptive, shape.dim(0) * receptive);
        }
    }

    /** All zeros (the usual choice for biases). */
    static Initializer zeros() {
        return new Initializers.Zeros();
    }

    /** Every element equal to {@code value}. */
    static Initializer constant(double value) {
        return new Initializers.Constant(value);
    }

    /** Uniform on {@code [low, high)}. */
    static Initializer uniform(double low, double high) {
        if (!(low < high) || !Double.isFinite(high - low)) {
            throw new IllegalArgumentException("uniform: the range [" + low + ", " + high + ") must be finite and non-empty");
        }
        return new Initializers.Uniform(low, high);
    }

    /** Normal with the given mean and standard deviation; the lessons' {@code randn · 0.001} is {@code normal(0, 0.001)}. */
    static Initializer normal(double mean, double std) {
        if (!(std >= 0) || !Double.isFinite(std) || !Double.isFinite(mean)) {
            throw new IllegalArgumentException("normal: mean " + mean + " and standard deviation " + std
                    + " must be finite, the deviation non-negative");
        }
        return new Initializers.Normal(mean, std);
    }

    /** Xavier/Glorot uniform: {@code U(−a, a)} with {@code a = √(6 / (fanIn + fanOut))}, for tanh and sigmoid layers. */
    static Initializer xavierUniform() {
        return Initializers.Scaled.XAVIER_UNIFORM;
    }

    /** Xavier/Glorot normal: {@code N(0, σ²)} with {@code σ = √(2 / (fanIn + fanOut))}. */
    static Initializer xavierNormal() {
        return Initializers.Scaled.XAVIER_NORMAL;
    }

    /** He/Kaiming uniform for ReLU layers: {@code U(−a, a)} with {@code a = √(6 / fanIn)}. */
    static Initializer heUniform() {
        return Initializers.Scaled.HE_UNIFORM;
    }

    /** He/Kaiming normal for ReLU layers: {@code N(0, σ²)} with {@code σ = √(2 / fanIn)}. */
    static Initializer heNormal() {
        return Initializers.Scaled.HE_NORMAL;
    }

    /**
     * PyTorch's {@code kaiming_uniform_(w, a)} for a leaky ReLU of negative slope {@code a}:
     * {@code U(−b, b)} with {@code b = √(6 / ((1 + a²) · fanIn))}. With {@code a = √5} it is PyTorch's
     * default for the weights of {@code Linear} and {@code Conv2d}, {@code U(−1/√fanIn, 1/√fanIn)}
     * (their biases are {@code uniform(−1/√fanIn, 1/√fanIn)}).
     *
     * @throws IllegalArgumentException if {@code a} is not finite
     */
    static Initializer kaimingUniform(double a) {
        if (!Double.isFinite(a)) {
            throw new IllegalArgumentException("kaimingUniform: the negative slope a = " + a + " must be finite");
        }
        return new Initializers.KaimingUniform(a);
    }

    /**
     * PyTorch's default for the weights of {@code Conv2d} and {@code Linear}: {@code kaiming_uniform_} with
     * {@code a = √5}, that is {@code U(−b, b)} with {@code b = gain·√(3 / fanIn)}, {@code gain = √(2 / (1 + a²))},
     * which is {@code b = 1/√fanIn}.
     */
    static Initializer torchDefault() {
        return new Initializers.TorchDefault();
    }

    /**
     * PyTorch's default for a bias next to a weight of fan-in {@code fanIn}: {@code U(−1/√fanIn, 1/√fanIn)}
     * (the bias's own shape does not give the fan-in, so the layer passes it).
     */
    static Initializer torchBias(int fanIn) {
        if (fanIn < 1) {
            throw new IllegalArgumentException("torchBias: fanIn must be positive, got " + fanIn);
        }
        return new Initializers.TorchBias(fanIn);
    }
}
