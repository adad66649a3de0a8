package org.adjoint.core;

import static org.adjoint.core.TensorAssertions.assertAdjoint;
import static org.adjoint.core.TensorAssertions.assertIdentical;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.adjoint.verify.Gen;
import org.adjoint.verify.Pair;
import org.adjoint.verify.Property;
import org.adjoint.verify.TensorGens;
import org.junit.jupiter.api.Test;

/**
 * The kernels that move elements without arithmetic, against references that place each element by
 * its multi-index. Nothing is computed, so everything must match exactly.
 */
class LayoutPropertyTest {

    private static final Gen<Tensor> TENSORS = TensorGens.tensors(CoreGens.shapesSometimesEmpty(4, 4),
            CoreGens.ELEMENTS);

    /** Tensors of rank ≥ 1, so that they have an axis to slice, pad or cut. */
    private static final Gen<Tensor> TENSORS_WITH_AN_AXIS = TensorGens.tensors(
            CoreGens.shapesSometimesEmpty(TensorGens.shapesOfRank(1, 4, 4)), CoreGens.ELEMENTS);

    /** A window {@code [start, end)} along one axis of a tensor. */
    record Window(Tensor x, int axis, int start, int end) {
        @Override
        public String toString() {
            return "[" + start + ", " + end + ") along axis " + axis + " of x of shape " + x.shape() + " = "
                    + Arrays.toString(x.toArray());
        }
    }

    private static final Gen<Window> WINDOWS = TENSORS_WITH_AN_AXIS.flatMap(LayoutPropertyTest::windowsOf);

    @Test
    void permuteMovesEachElementToThePermutedIndexAndItsInverseUndoesIt() {
        Gen<Pair<Tensor, int[]>> cases = TENSORS.flatMap(x ->
                Gen.zip(Gen.constant(x), CoreGens.axisPermutations(x.rank())));
        Property.forAll(cases).check(xAndAxes -> {
            Tensor x = xAndAxes.first();
            int[] axes = xAndAxes.second();
            int[] inverse = new int[axes.length];
            for (int i = 0; i < axes.length; i++) {
                inverse[MultiIndex.normalize(axes[i], axes.length)] = i;
            }
            Tensor permuted = x.permute(axes);
            assertIdentical(referencePermute(x, axes), permuted, "permute " + Arrays.toString(axes));
            assertIdentical(x, permuted.permute(inverse), "permute back by " + Arrays.toString(inverse));
        });
    }

    @Test
    void transposeReversesTheAxesAndTwiceIsTheIdentity() {
        Property.forAll(TENSORS).check(x -> {
            int[] reversed = new int[x.rank()];
            Arrays.setAll(reversed, i -> x.rank() - 1 - i);
            assertIdentical(x.permute(reversed), x.transpose(), "transpose");
            assertIdentical(x, x.transpose().transpose(), "transpose twice");
        });
    }

    /** Any shape of the same size, perhaps with one extent left to infer, views the same row-major elements. */
    @Test
    void reshapeKeepsTheElementsInRowMajorOrder() {
        Gen<Pair<Tensor, int[]>> cases = TensorGens.tensors(TensorGens.shapes(4, 4), CoreGens.ELEMENTS)
                .flatMap(x -> Gen.zip(Gen.constant(x), sameSizeDims(x.shape())));
        Property.forAll(cases).check(xAndDims -> {
            Tensor x = xAndDims.first();
            int[] dims = xAndDims.second();
            Tensor reshaped = x.reshape(dims);
            int known = Arrays.stream(dims).filter(d -> d != -1).reduce(1, (p, q) -> p * q);
            int[] resolved = Arrays.stream(dims).map(d -> d == -1 ? x.size() / known : d).toArray();
            assertEquals(Shape.of(resolved), reshaped.shape(), "reshape " + Arrays.toString(dims));
            assertArrayEquals(x.toArray(), reshaped.toArray(), "reshape " + Arrays.toString(dims));
        });
    }

    @Test
    void sliceKeepsTheElementsInsideTheWindow() {
        Property.forAll(WINDOWS).check(w -> {
            int a = MultiIndex.normalize(w.axis(), w.x().rank());
            int[] dims = w.x().shape().dims();
            dims[a] = w.end() - w.start();
            Tensor expected = MultiIndex.tabulate(Shape.of(dims), i -> {
                int[] in = i.clone();
                in[a] += w.start();
                return w.x().get(in);
            });
            assertIdentical(expected, w.x().slice(w.axis(), w.start(), w.end()), "slice");
        });
    }

    /** Pads a random y of the window's shape out to x's shape, and checks the result against slicing x. */
    @Test
    void padSurroundsWithZerosAndIsTheAdjointOfSlice() {
        Gen<Pair<Window, Tensor>> windowsAndFillings = WINDOWS.flatMap(w ->
                Gen.zip(Gen.constant(w), CoreGens.tensorOf(w.x().slice(w.axis(), w.start(), w.end()).shape())));
        Property.forAll(windowsAndFillings).check(windowAndY -> {
            Window w = windowAndY.first();
            Tensor y = windowAndY.second();
            Tensor x = w.x();
            int a = MultiIndex.normalize(w.axis(), x.rank());
            Tensor padded = y.pad(w.axis(), w.start(), x.shape().dim(a) - w.end());
            Tensor expected = MultiIndex.tabulate(x.shape(), i -> {
                if (i[a] < w.start() || i[a] >= w.end()) {
                    return 0;
                }
                int[] in = i.clone();
                in[a] -= w.start();
                return y.get(in);
            });
            assertIdentical(expected, padded, "pad");
            assertAdjoint(x, x.slice(w.axis(), w.start(), w.end()), y, padded, "slice/pad");
        });
    }

    /** Cut an axis at sorted points (repeats give empty pieces); joining the pieces gives the tensor back. */
    @Test
    void concatOfSlicesThatPartitionAnAxisIsTheOriginal() {
        Gen<Pair<Window, List<Integer>>> cases = WINDOWS.flatMap(w -> Gen.zip(Gen.constant(w),
                Gen.lists(Gen.integers(0, w.x().shape().dim(w.axis())), 0, 4)));
        Property.forAll(cases).check(windowAndCuts -> {
            Tensor x = windowAndCuts.first().x();
            int axis = windowAndCuts.first().axis();
            List<Integer> cuts = new ArrayList<>(windowAndCuts.second());
            cuts.add(0);
            cuts.add(x.shape().dim(axis));
            cuts.sort(null);
            Tensor[] pieces = new Tensor[cuts.size() - 1];
            for (int i = 0; i < pieces.length; i++) {
                pieces[i] = x.slice(axis, cuts.get(i), cuts.get(i + 1));
            }
            assertIdentical(x, Tensor.concat(axis, pieces), "concat at " + cuts);
        });
    }

    /** Axis i of the result is axis {@code axes[i]} of x: the element at {@code out} comes from x at {@code in}. */
    private static Tensor referencePermute(Tensor x, int[] axes) {
        int rank = axes.length;
        int[] from = Arrays.stream(axes).map(axis -> MultiIndex.normalize(axis, rank)).toArray();
        int[] dims = Arrays.stream(from).map(axis -> x.shape().dim(axis)).toArray();
        return MultiIndex.tabulate(Shape.of(dims), out -> {
            int[] in = new int[rank];
            for (int i = 0; i < rank; i++) {
                in[from[i]] = out[i];
            }
            return x.get(in);
        });
    }

    /** Any window along any axis of x, empty ones included. */
    private static Gen<Window> windowsOf(Tensor x) {
        return source -> {
            int axis = CoreGens.axes(x.rank()).generate(source);
            int n = x.shape().dim(axis);
            int start = Gen.integers(0, n).generate(source);
            int end = Gen.integers(start, n).generate(source);
            return new Window(x, axis, start, end);
        };
    }

    /**
     * Extents of the same product as {@code shape}'s: its extents in random order, runs of neighbours
     * multiplied together, perhaps a 1 inserted, perhaps one extent replaced by −1 to be inferred.
     */
    private static Gen<int[]> sameSizeDims(Shape shape) {
        Gen<int[]> permutations = CoreGens.axisPermutations(shape.rank());
        return source -> {
            List<Integer> dims = new ArrayList<>();
            for (int axis : permutations.generate(source)) {
                int extent = shape.dim(axis);
                boolean merge = !dims.isEmpty() && Gen.booleans().generate(source);
                if (merge) {
                    dims.set(dims.size() - 1, dims.get(dims.size() - 1) * extent);
                } else {
                    dims.add(extent);
                }
            }
            if (Gen.booleans().generate(source)) {
                dims.add(Gen.integers(0, dims.size()).generate(source), 1);
            }
            if (!dims.isEmpty() && Gen.booleans().generate(source)) {
                dims.set(Gen.integers(0, dims.size() - 1).generate(source), -1);
            }
            return dims.stream().mapToInt(Integer::intValue).toArray();
        };
    }
}
