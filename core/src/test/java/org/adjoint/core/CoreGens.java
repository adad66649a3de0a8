package org.adjoint.core;

import java.util.Arrays;
import org.adjoint.verify.BroadcastPair;
import org.adjoint.verify.Gen;
import org.adjoint.verify.Source;
import org.adjoint.verify.TensorGens;

/**
 * Generators for the core property tests, on top of {@link TensorGens}: the element domain, shapes
 * that now and then have an empty axis, sets of axes and permutations. All shrink toward the
 * simplest case: no empty axis, no axes, the identity permutation.
 */
final class CoreGens {

    /** Realistic elements: magnitudes up to 10, at full precision. */
    static final Gen<Double> ELEMENTS = Gen.doubles(-10, 10);

    /** Half the time a realistic element, half the time an infinity, a NaN, a signed zero or 1. */
    static final Gen<Double> SPECIAL_OR_REAL = Gen.oneOf(ELEMENTS, Gen.elements(0.0, -0.0, 1.0, Double.NaN,
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY));

    /** One shape in this many gets an axis of extent 0. */
    private static final int ONE_IN_EMPTY = 8;

    private CoreGens() {
    }

    /** Shapes of {@link TensorGens#shapes}; one in {@value #ONE_IN_EMPTY} (of rank ≥ 1) has one extent set to 0. */
    static Gen<Shape> shapesSometimesEmpty(int maxRank, int maxDim) {
        return shapesSometimesEmpty(TensorGens.shapes(maxRank, maxDim));
    }

    /** The shapes of {@code shapes}; one in {@value #ONE_IN_EMPTY} (of rank ≥ 1) has one extent set to 0. */
    static Gen<Shape> shapesSometimesEmpty(Gen<Shape> shapes) {
        return source -> {
            Shape shape = shapes.generate(source);
            if (shape.rank() == 0 || source.draw(ONE_IN_EMPTY) != ONE_IN_EMPTY - 1) {
                return shape;
            }
            int[] dims = shape.dims();
            dims[(int) source.draw(dims.length)] = 0;
            return Shape.of(dims);
        };
    }

    /** Pairs of shapes that broadcast together, like {@link TensorGens#broadcastPairs}, now and then empty. */
    static Gen<BroadcastPair> broadcastPairs(int maxRank, int maxDim) {
        return source -> {
            Shape full = shapesSometimesEmpty(maxRank, maxDim).generate(source);
            return new BroadcastPair(operandOf(full).generate(source), operandOf(full).generate(source));
        };
    }

    /** Three shapes that broadcast together (not always to the full shape they were cut from). */
    static Gen<Shape[]> broadcastTriples(int maxRank, int maxDim) {
        return source -> {
            Shape full = shapesSometimesEmpty(maxRank, maxDim).generate(source);
            Shape[] triple = new Shape[3];
            for (int i = 0; i < triple.length; i++) {
                triple[i] = operandOf(full).generate(source);
            }
            return triple;
        };
    }

    /** A shape that broadcasts to {@code full} (see {@link TensorGens#operandOf}). */
    static Gen<Shape> operandOf(Shape full) {
        return TensorGens.operandOf(full);
    }

    /** Tensors of {@code shape} with elements from {@link #ELEMENTS}. */
    static Gen<Tensor> tensorOf(Shape shape) {
        return TensorGens.tensorOf(shape, ELEMENTS);
    }

    /**
     * Distinct axes of a rank-{@code rank} shape, any number of them (none to all), in any order,
     * each written either from the front ({@code 0…rank−1}) or from the end ({@code −rank…−1}).
     */
    static Gen<int[]> axisSubsets(int rank) {
        return source -> {
            int[] chosen = new int[rank];
            int count = 0;
            for (int axis = 0; axis < rank; axis++) {
                if (source.draw(2) == 1) {
                    chosen[count++] = axis;
                }
            }
            int[] axes = Arrays.copyOf(chosen, count);
            shuffle(axes, source);
            countSomeFromTheEnd(axes, rank, source);
            return axes;
        };
    }

    /** Permutations of the axes of a rank-{@code rank} shape, each axis written from the front or the end. */
    static Gen<int[]> axisPermutations(int rank) {
        return source -> {
            int[] axes = new int[rank];
            Arrays.setAll(axes, i -> i);
            shuffle(axes, source);
            countSomeFromTheEnd(axes, rank, source);
            return axes;
        };
    }

    /** One axis of a rank-{@code rank} shape (rank ≥ 1), from the front or the end. */
    static Gen<Integer> axes(int rank) {
        return Gen.integers(-rank, rank - 1);
    }

    /** Fisher–Yates; choice 0 at every step leaves the array as it is. */
    private static void shuffle(int[] a, Source source) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = i - (int) source.draw(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    private static void countSomeFromTheEnd(int[] axes, int rank, Source source) {
        for (int i = 0; i < axes.length; i++) {
            if (source.draw(2) == 1) {
                axes[i] -= rank;
            }
        }
    }
}
