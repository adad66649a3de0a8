package org.adjoint.autodiff;

import static org.adjoint.verify.Gen.integers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.adjoint.autodiff.engine.Nodes;
import org.adjoint.core.Interval;
import org.adjoint.core.Shape;
import org.adjoint.core.Tensor;
import org.adjoint.verify.Gen;
import org.adjoint.verify.Property;
import org.adjoint.verify.TensorGens;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link Einsum}'s values against direct loops ({@link EinsumReference}) on random extents, the
 * ellipsis against {@code matmul} and {@code sum}, the routing of products through the matrix
 * product, and its errors. Derivatives to second order are checked by the catalogue's property tests
 * and against PyTorch in {@link EinsumTorchTest}.
 */
class EinsumTest {

    private static final double TOLERANCE = 1e-12;

    @TestFactory
    Stream<DynamicTest> valuesMatchDirectLoops() {
        return EinsumReference.SPECS.stream().map(spec -> dynamicTest(spec, () ->
                Property.forAll(EinsumReference.instances(spec)).named("einsum " + spec).tries(50).check(e -> {
                    Var[] xs = Stream.of(e.operands()).map(Var::param).toArray(Var[]::new);
                    assertClose(EinsumReference.of(spec, e.operands()), Var.einsum(spec, xs).value());
                })));
    }

    @Test
    void ellipsisBroadcastsLikeBatchedMatmul() {
        Property.forAll(TensorGens.broadcastPairs(2, 3), Gen.zip(integers(1, 3), integers(1, 3), integers(1, 3)),
                integers(0, 1 << 20)).check((batch, mkn, seed) -> {
                    Tensor a = random(seed, batch.left().concat(Shape.of(mkn.first(), mkn.second())));
                    Tensor b = random(seed + 1, batch.right().concat(Shape.of(mkn.second(), mkn.third())));
                    Tensor expected = Var.constant(a).matmul(Var.constant(b)).value();
                    assertClose(expected, Var.einsum("...ij,...jk->...ik", Var.param(a), Var.param(b)).value());
                });
    }

    @Test
    void ellipsisMissingFromTheOutputIsSummed() {
        Tensor x = random(7, 2, 3, 4, 5);
        assertClose(x.sum(new int[] {0, 1}, false), Var.einsum("...ij->ij", Var.constant(x)).value());
        assertClose(x.sum(new int[] {0, 1}, false), Var.einsum("ij...->...", Var.constant(x)).value());
        assertClose(x.sum(new int[] {0, 1, 2}, false), Var.einsum("i...j->j", Var.constant(x)).value());
        assertClose(x, Var.einsum("...", Var.constant(x)).value());
    }

    @Test
    void whitespaceIsIgnoredAndConstantsRecordNothing() {
        Tensor a = random(1, 2, 3);
        Tensor b = random(2, 3, 4);
        Var y = Var.einsum(" i j , j k -> i k ", Var.constant(a), Var.constant(b));
        assertClose(a.matmul(b), y.value());
        assertTrue(!y.requiresGrad() && Nodes.op(y) == null);
    }

    /** Shared summed indices go through one (batched) matrix product; nothing larger than an operand or the result is built. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"ij,jk->ik | MatMul", "ji,jk->ik | TransposedMatMul",
            "ij,kj->ik | MatMulTransposed", "bij,bjk->bik | BatchedMatMul", "bhqd,bhkd->bhqk | BatchedMatMul",
            "ijk,jkl->il | MatMul", "i,ij,j-> | MatMul"})
    void productsAreMatrixProducts(String spec, String op) {
        String[] terms = spec.substring(0, spec.indexOf("->")).split(",");
        Var[] xs = new Var[terms.length];
        int largest = 1;
        for (int i = 0; i < xs.length; i++) {
            int[] dims = terms[i].chars().map(c -> 3 + c % 5).toArray();
            xs[i] = Var.param(random(i, dims));
            largest = Math.max(largest, xs[i].value().size());
        }
        Var y = Var.einsum(spec, xs);
        Set<String> ops = new TreeSet<>();
        int bound = Math.max(largest, y.value().size());
        for (Var node : nodes(y)) {
            if (Nodes.op(node) != null) {
                ops.add(Nodes.op(node).getClass().getSimpleName());
                assertTrue(node.value().size() <= bound, spec + ": " + Nodes.op(node) + " builds " + node.shape());
            }
        }
        assertTrue(ops.contains(op), spec + " records " + ops);
        assertTrue(!ops.contains("Mul") && !ops.contains("Sum"), spec + " records " + ops);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ij,jk->i,k | 2 3, 3 4 | ','",
            "ij;jk->ik  | 2 3, 3 4 | ';'",
            "i.j->ij    | 2 3      | outside an ellipsis",
            "...i...->i | 2 3      | more than one ellipsis",
            "ij->ik->k  | 2 3      | not an index",
            "ij,jk->ik  | 2 3      | 2 input terms but 1 operand",
            "ij->ij     | 2 3, 3 4 | 1 input term but 2 operands",
            "ijk->i     | 2 3      | rank 2 but its term has 3 indices",
            "i...->i    | ''       | rank 0 but its term has 1 index and an ellipsis",
            "ij,jk->ik  | 2 3, 4 5 | index j has extent 3 and extent 4",
            "ii         | 2 3      | index i has extent 2 and extent 3",
            "...i,...i  | 2 3, 4 3 | do not broadcast",
            "ij->ik     | 2 3      | output index k appears in no input",
            "ij->ii     | 2 3      | output index i appears more than once"})
    void errorsNameEinsumTheSpecAndTheProblem(String spec, String shapes, String problem) {
        Var[] xs = Stream.of(shapes.split(",")).map(s -> Var.param(random(0, dims(s)))).toArray(Var[]::new);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Var.einsum(spec, xs));
        assertTrue(e.getMessage().startsWith("einsum \"" + spec + "\": "), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
    }

    @Test
    void noOperandsIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Var.einsum("->"));
        assertEquals("einsum \"->\": no operands were given", e.getMessage());
    }

    private static int[] dims(String text) {
        return text.isBlank() ? new int[0] : Stream.of(text.trim().split(" ")).mapToInt(Integer::parseInt).toArray();
    }

    private static Tensor random(long seed, int... dims) {
        return Tensor.randomUniform(seed, new Interval(-1, 1), dims);
    }

    private static Tensor random(long seed, Shape shape) {
        return random(seed, shape.dims());
    }

    private static Set<Var> nodes(Var output) {
        Set<Var> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Var> stack = new ArrayDeque<>();
        stack.push(output);
        while (!stack.isEmpty()) {
            Var v = stack.pop();
            if (seen.add(v)) {
                java.util.Arrays.stream(Nodes.inputs(v)).forEach(stack::push);
            }
        }
        return seen;
    }

    private static void assertClose(Tensor expected, Tensor actual) {
        assertEquals(expected.shape(), actual.shape(), "shape");
        double scale = Math.max(1, expected.abs().max().item());
        double error = expected.maxAbsDifference(actual);
        assertTrue(error <= TOLERANCE * scale, "max difference " + error + "\nexpected " + expected + "\nactual " + actual);
    }
}
