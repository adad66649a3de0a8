package org.adjoint.core;

import static org.adjoint.core.TensorAssertions.assertIdentical;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.DoubleBinaryOperator;
import java.util.stream.Collectors;
import org.adjoint.verify.Gen;
import org.adjoint.verify.Pair;
import org.adjoint.verify.Property;
import org.adjoint.verify.TensorGens;
import org.adjoint.verify.Triple;
import org.junit.jupiter.api.Test;

/**
 * The broadcasting kernels against a reference that computes each result element on its own: for
 * each index of the result, each operand contributes the element at its trailing coordinates, with
 * 0 along its axes of extent 1. Kernel and reference apply the same scalar function to the same
 * pair of numbers, so they must agree to the last bit.
 */
class BroadcastingPropertyTest {

    /** Mask elements: zeros of both signs select the second operand; anything else, NaN included, the first. */
    private static final Gen<Double> MASK_ELEMENTS = Gen.elements(0.0, 1.0, -0.0, -2.5, Double.NaN);

    @Test
    void everyBinaryOpMatchesTheReferenceOnItsDomain() {
        for (BinaryOp op : BinaryOp.CATALOGUE) {
            Property.forAll(operands(op.left(), op.right())).named(op.toString())
                    .check(pair -> assertMatchesReference(op, pair.first(), pair.second()));
        }
    }

    @Test
    void everyBinaryOpMatchesTheReferenceOnInfinitiesNaNsAndSignedZeros() {
        for (BinaryOp op : BinaryOp.CATALOGUE) {
            Property.forAll(operands(CoreGens.SPECIAL_OR_REAL, CoreGens.SPECIAL_OR_REAL))
                    .named(op.method() + " on special values")
                    .scaledTries(0.25)
                    .check(pair -> assertMatchesReference(op, pair.first(), pair.second()));
        }
    }

    /** The scaled product is the two-step chain, to the bit, under broadcasting and with special values. */
    @Test
    void scaledProductIsProductThenScale() {
        Gen<Double> scales = Gen.oneOf(Gen.doubles(-10, 10), Gen.elements(2.0, -0.0, Double.POSITIVE_INFINITY));
        Property.forAll(operands(CoreGens.SPECIAL_OR_REAL, CoreGens.SPECIAL_OR_REAL), scales).check((ab, c) ->
                assertIdentical(ab.first().mul(ab.second()).mul(c), ab.first().mul(ab.second(), c), "mul(other, " + c + ")"));
    }

    @Test
    void whereSelectsElementwiseAmongThreeBroadcastOperands() {
        Gen<Triple<Tensor, Tensor, Tensor>> operands = CoreGens.broadcastTriples(4, 4).flatMap(shapes ->
                Gen.zip(TensorGens.tensorOf(shapes[0], MASK_ELEMENTS), CoreGens.tensorOf(shapes[1]),
                        CoreGens.tensorOf(shapes[2])));
        Property.forAll(operands).check(mab -> assertIdentical(referenceWhere(mab.first(), mab.second(), mab.third()),
                Tensor.where(mab.first(), mab.second(), mab.third()), "where"));
    }

    @Test
    void broadcastToCopiesEachElementToEveryIndexThatMapsToIt() {
        Gen<Pair<Tensor, Shape>> tensorsAndTargets = CoreGens.broadcastPairs(4, 4)
                .flatMap(pair -> CoreGens.tensorOf(pair.left()).map(x -> new Pair<>(x, pair.result())));
        Property.forAll(tensorsAndTargets).check(xAndTarget -> {
            Tensor x = xAndTarget.first();
            Shape target = xAndTarget.second();
            Tensor expected = MultiIndex.tabulate(target, i -> x.get(MultiIndex.broadcastSource(i, x.shape())));
            assertIdentical(expected, x.broadcastTo(target), "broadcastTo " + target);
        });
    }

    /** Every public {@code Tensor t.f(Tensor)} is elementwise and broadcasting except the matrix products (MatMulPropertyTest). */
    @Test
    void theCatalogueListsEveryBroadcastingBinaryMethodOfTensor() {
        Set<String> binaryMethods = new TreeSet<>();
        for (Method m : Tensor.class.getMethods()) {
            boolean takesOneTensor = Arrays.equals(m.getParameterTypes(), new Class<?>[] {Tensor.class});
            boolean takesTensorAndFunction = Arrays.equals(m.getParameterTypes(),
                    new Class<?>[] {Tensor.class, DoubleBinaryOperator.class});
            if (!Modifier.isStatic(m.getModifiers()) && m.getReturnType() == Tensor.class
                    && (takesOneTensor || takesTensorAndFunction)) {
                binaryMethods.add(m.getName());
            }
        }
        binaryMethods.removeAll(Set.of("matmul", "matmulTransposed", "transposedMatmul"));
        Set<String> catalogued = BinaryOp.CATALOGUE.stream().map(BinaryOp::method)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(binaryMethods, catalogued);
    }

    private static Gen<Pair<Tensor, Tensor>> operands(Gen<Double> left, Gen<Double> right) {
        return CoreGens.broadcastPairs(4, 4).flatMap(pair -> Gen.zip(TensorGens.tensorOf(pair.left(), left),
                TensorGens.tensorOf(pair.right(), right)));
    }

    private static Tensor referenceWhere(Tensor mask, Tensor a, Tensor b) {
        Shape shape = MultiIndex.broadcastShape(mask.shape(), a.shape(), b.shape());
        return MultiIndex.tabulate(shape, i -> mask.get(MultiIndex.broadcastSource(i, mask.shape())) != 0
                ? a.get(MultiIndex.broadcastSource(i, a.shape()))
                : b.get(MultiIndex.broadcastSource(i, b.shape())));
    }

    private static void assertMatchesReference(BinaryOp op, Tensor a, Tensor b) {
        Tensor actual = op.kernel().apply(a, b);
        Shape shape = MultiIndex.broadcastShape(a.shape(), b.shape());
        assertEquals(Shape.broadcast(op.method(), a.shape(), b.shape()), actual.shape(), op.method() + ": shape");
        Tensor expected = MultiIndex.tabulate(shape, i -> op.scalar().applyAsDouble(
                a.get(MultiIndex.broadcastSource(i, a.shape())), b.get(MultiIndex.broadcastSource(i, b.shape()))));
        assertIdentical(expected, actual, op.method());
    }
}
