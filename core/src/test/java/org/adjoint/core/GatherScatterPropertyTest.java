package org.adjoint.core;

import static org.adjoint.core.TensorAssertions.assertAdjoint;
import static org.adjoint.core.TensorAssertions.assertIdentical;

import java.util.Arrays;
import org.adjoint.verify.Gen;
import org.adjoint.verify.Property;
import org.junit.jupiter.api.Test;

/**
 * {@code gather} picks one element per row of a matrix; {@code scatter} and {@code oneHot} put one
 * element per row into a matrix of zeros. Checked against references written with {@code get}, and
 * against each other: scatter is gather's adjoint, and gathering what was scattered gives it back.
 */
class GatherScatterPropertyTest {

    /** An n×columns matrix x, one column index per row, and an n-vector of values. */
    record Case(Tensor x, int[] indices, Tensor values) {
        @Override
        public String toString() {
            return "indices " + Arrays.toString(indices) + " into x of shape " + x.shape() + " = "
                    + Arrays.toString(x.toArray()) + ", values " + Arrays.toString(values.toArray());
        }

        int columns() {
            return x.shape().dim(1);
        }
    }

    /** Zero rows included; at least one column, or no index would be valid. */
    private static final Gen<Case> CASES = source -> {
        int rows = Gen.integers(0, 6).generate(source);
        int columns = Gen.integers(1, 6).generate(source);
        int[] indices = new int[rows];
        for (int i = 0; i < rows; i++) {
            indices[i] = Gen.integers(0, columns - 1).generate(source);
        }
        Tensor x = CoreGens.tensorOf(Shape.of(rows, columns)).generate(source);
        Tensor values = CoreGens.tensorOf(Shape.of(rows)).generate(source);
        return new Case(x, indices, values);
    };

    @Test
    void gatherPicksElementIndicesIOfEachRowI() {
        Property.forAll(CASES).check(c -> {
            int[] indices = c.indices();
            Tensor expected = MultiIndex.tabulate(Shape.of(indices.length), i -> c.x().get(i[0], indices[i[0]]));
            assertIdentical(expected, c.x().gather(c.indices()), "gather");
        });
    }

    @Test
    void scatterPutsEachValueAtItsIndexAmongZeros() {
        Property.forAll(CASES).check(c -> {
            Tensor expected = referenceScatter(c.values(), c.indices(), c.columns());
            assertIdentical(expected, c.values().scatter(c.indices(), c.columns()), "scatter");
        });
    }

    @Test
    void scatterIsTheAdjointOfGatherAndGatherUndoesIt() {
        Property.forAll(CASES).check(c -> {
            Tensor scattered = c.values().scatter(c.indices(), c.columns());
            assertAdjoint(c.x(), c.x().gather(c.indices()), c.values(), scattered, "gather/scatter");
            assertIdentical(c.values(), scattered.gather(c.indices()), "gather after scatter");
        });
    }

    @Test
    void oneHotHasASingleOneInEachRowAtTheLabel() {
        Property.forAll(CASES).check(c -> {
            Tensor ones = Tensor.ones(c.indices().length);
            assertIdentical(referenceScatter(ones, c.indices(), c.columns()), Tensor.oneHot(c.indices(), c.columns()),
                    "oneHot");
        });
    }

    private static Tensor referenceScatter(Tensor values, int[] indices, int columns) {
        return MultiIndex.tabulate(Shape.of(indices.length, columns),
                i -> i[1] == indices[i[0]] ? values.get(i[0]) : 0);
    }
}
