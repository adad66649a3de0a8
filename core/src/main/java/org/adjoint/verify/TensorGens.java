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
 * shape first and then their elements.
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
    private static Gen<Shape> operandOf(Shape full) {
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
