package org.adjoint.verify;

import java.util.Arrays;
import java.util.Objects;
import org.adjoint.core.Shape;
import org.adjoint.core.Tensor;

/**
 * Generators of shapes and tensors.
 *
 * <pre>{@code
 * Gen<Tensor> xs = TensorGens.tensors(TensorGens.shapes(3, 4), Gen.doubles(-2, 2));
 * Property.forAll(TensorGens.broadcastPairs(3, 4)).check(pair -> {
 *     Tensor a = Tensor.zeros(pair.left());
 *     Tensor b = Tensor.ones(pair.right());
 *     assertEquals(pair.result(), a.add(b).shape());
 * });
 * }</pre>
 *
 * <p>Shapes shrink toward a scalar, then toward lower ranks and extents of 1; tensors shrink their
 * shape first and then their elements; matrices shrink toward the 1 × 1 identity. The element
 * generators here ({@link #positive}, {@link #awayFromKinks}, {@link #integers}) join those of
 * {@link Gen} ({@link Gen#doubles}, {@link Gen#doublesAwayFrom}) to state the domain of a property.
 */
public final class TensorGens {

    private TensorGens() {
    }

    /** Shapes of rank 0 to {@code maxRank}, every extent in {@code [1, maxDim]}. */
    public static Gen<Shape> shapes(int maxRank, int maxDim) {
        return shapesOfRank(0, maxRank, maxDim);
    }

    /** Shapes of rank {@code minRank} to {@code maxRank}, every extent in {@code [1, maxDim]}. */
    public static Gen<Shape> shapesOfRank(int minRank, int maxRank, int maxDim) {
        if (minRank < 0 || minRank > maxRank || maxDim < 1) {
            throw new IllegalArgumentException("shapesOfRank: need 0 <= minRank <= maxRank and maxDim >= 1, got "
                    + minRank + ", " + maxRank + ", " + maxDim);
        }
        return source -> {
            int[] dims = new int[minRank + (int) source.draw(maxRank - minRank + 1)];
            for (int i = 0; i < dims.length; i++) {
                dims[i] = 1 + (int) source.draw(maxDim);
            }
            return Shape.of(dims);
        };
    }

    /**
     * Pairs of shapes that broadcast together. Both come from one result shape of rank at most
     * {@code maxRank}: each operand drops some of its leading axes and sets some extents to 1. So
     * either side may be the smaller one, a scalar, or identical to the other; the simplest pair is
     * two identical shapes.
     */
    public static Gen<BroadcastPair> broadcastPairs(int maxRank, int maxDim) {
        return shapes(maxRank, maxDim).flatMap(full -> Gen.zip(operandOf(full), operandOf(full), BroadcastPair::new));
    }

    /** A shape that broadcasts to {@code full}: its trailing axes, some of them squeezed to 1. */
    public static Gen<Shape> operandOf(Shape full) {
        Objects.requireNonNull(full, "full");
        return source -> {
            int dropped = (int) source.draw(full.rank() + 1);
            int[] dims = Arrays.copyOfRange(full.dims(), dropped, full.rank());
            for (int i = 0; i < dims.length; i++) {
                if (source.draw(2) == 1) {
                    dims[i] = 1;
                }
            }
            return Shape.of(dims);
        };
    }

    /**
     * Positive doubles in {@code [min, max]}, the domain of logarithms, square roots and divisors:
     * {@code min > 0} keeps them away from the pole or kink at 0. Shrinks toward the integer in range
     * nearest 0 (1 when {@code min <= 1 <= max}), else toward {@code min}.
     *
     * @throws IllegalArgumentException unless {@code 0 < min <= max}, both finite
     */
    public static Gen<Double> positive(double min, double max) {
        if (!(min > 0)) {
            throw new IllegalArgumentException("positive: need min > 0, got " + min);
        }
        return Gen.doubles(min, max);
    }

    /**
     * Doubles in {@code [lo, hi]} at least {@code gap} away from each of {@code kinks}: the domain of a
     * smooth-only property of a function with kinks, such as clamp's at both bounds or relu's at 0.
     * A finite difference of step {@code h} across a kink is wrong, so choose {@code gap} well above
     * the step (e.g. {@code 1e-3} for {@code h = 1e-6}). Uniform over the allowed intervals; shrinks
     * toward the simplest value of the interval nearest 0.
     *
     * @throws IllegalArgumentException if no value is allowed, or a bound, kink or gap is not finite
     */
    public static Gen<Double> awayFromKinks(double lo, double hi, double gap, double... kinks) {
        Objects.requireNonNull(kinks, "kinks");
        return DoubleRange.awayFromAll(lo, hi, gap, kinks);
    }

    /**
     * Integer-valued doubles in {@code [lo, hi]}: for exact properties (sums and products of small
     * integers are exact in double precision, so equality can be asserted bit for bit). Shrinks
     * toward the value in range nearest 0.
     */
    public static Gen<Double> integers(int lo, int hi) {
        return Gen.integers(lo, hi).map(Integer::doubleValue);
    }

    /**
     * Pairs of tensors whose shapes broadcast together (from {@link #broadcastPairs}), elements drawn
     * from {@code elements}: the inputs of a broadcasting binary op.
     */
    public static Gen<Pair<Tensor, Tensor>> broadcastTensorPairs(int maxRank, int maxDim, Gen<Double> elements) {
        Objects.requireNonNull(elements, "elements");
        return broadcastPairs(maxRank, maxDim).flatMap(
                pair -> Gen.zip(tensorOf(pair.left(), elements), tensorOf(pair.right(), elements)));
    }

    /**
     * Square matrices of size 1 to {@code maxN} whose condition number (largest over smallest singular
     * value) is at most {@code maxCondition}: the inputs of solves and inverses, whose errors grow
     * with the condition number, so that tolerances can be stated (about {@code maxCondition · 1e-15}
     * relative). Built as {@code H₁ · diag(s) · H₂} from random Householder reflections and singular
     * values {@code s} in {@code [1, maxCondition]}; shrinks toward the 1 × 1 identity.
     *
     * @throws IllegalArgumentException unless {@code maxN >= 1} and {@code 1 <= maxCondition < ∞}
     */
    public static Gen<Tensor> wellConditioned(int maxN, double maxCondition) {
        requireMatrixLimits("wellConditioned", maxN, maxCondition);
        return Matrices.conditioned(maxN, maxCondition, false);
    }

    /**
     * Symmetric positive definite matrices of size 1 to {@code maxN}, exactly symmetric, with
     * eigenvalues in {@code [1, maxCondition]}: the inputs of Cholesky factorizations, quadratic
     * forms and convex quadratics. Built as {@code H · diag(λ) · H} from a random Householder
     * reflection; shrinks toward the 1 × 1 identity.
     *
     * @throws IllegalArgumentException unless {@code maxN >= 1} and {@code 1 <= maxCondition < ∞}
     */
    public static Gen<Tensor> spd(int maxN, double maxCondition) {
        requireMatrixLimits("spd", maxN, maxCondition);
        return Matrices.conditioned(maxN, maxCondition, true);
    }

    private static void requireMatrixLimits(String op, int maxN, double maxCondition) {
        if (maxN < 1 || !(maxCondition >= 1) || Double.isInfinite(maxCondition)) {
            throw new IllegalArgumentException(op + ": need maxN >= 1 and a finite maxCondition >= 1, got "
                    + maxN + " and " + maxCondition);
        }
    }

    /** Tensors of the shapes of {@code shapes}, with elements drawn independently from {@code elements}. */
    public static Gen<Tensor> tensors(Gen<Shape> shapes, Gen<Double> elements) {
        Objects.requireNonNull(shapes, "shapes");
        Objects.requireNonNull(elements, "elements");
        return shapes.flatMap(shape -> tensorOf(shape, elements));
    }

    /** Tensors of one fixed shape. */
    public static Gen<Tensor> tensorOf(Shape shape, Gen<Double> elements) {
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(elements, "elements");
        return source -> {
            double[] data = new double[shape.size()];
            for (int i = 0; i < data.length; i++) {
                data[i] = elements.generate(source);
            }
            return Tensor.of(shape, data);
        };
    }
}
