package org.adjoint.autodiff;


import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.adjoint.core.Tensor;
import org.adjoint.core.io.Npz;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Einsum} against PyTorch 1.13 in float64: values, the gradients of {@code ⟨y, ȳ⟩}, and a
 * Hessian-vector product of it. The reference {@code torch/einsum_1_13.npz} is written by
 * {@code examples/src/main/python/torch_einsum_reference.py}, whose table of specs this test mirrors.
 */
class EinsumTorchTest {

    private static final double TOLERANCE = 1e-12;
    private static TorchArrays reference;

    @BeforeAll
    static void load() throws IOException, URISyntaxException {
        reference = new TorchArrays(Npz.read(Path.of(EinsumTorchTest.class.getResource("/torch/einsum_1_13.npz").toURI())),
                "torch_einsum_reference.py");
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("matmul", "ij,jk->ik", 2),
                Arguments.of("matmul_implicit", "ij,jk", 2),
                Arguments.of("batched", "bij,bjk->bik", 2),
                Arguments.of("attention", "bhqd,bhkd->bhqk", 2),
                Arguments.of("outer", "i,j->ij", 2),
                Arguments.of("dot", "i,i->", 2),
                Arguments.of("transpose", "ij->ji", 1),
                Arguments.of("transpose_implicit", "ba", 1),
                Arguments.of("sum", "ij->", 1),
                Arguments.of("row_sums", "ij->i", 1),
                Arguments.of("bilinear", "i,ij,j->", 3),
                Arguments.of("chain", "ij,jk,kl->il", 3),
                Arguments.of("two_indices", "ijk,jkl->il", 2),
                Arguments.of("hadamard", "ij,ij->ij", 2),
                Arguments.of("batched_dot", "bi,bi->b", 2),
                Arguments.of("upper_case", "aB,Bc->ca", 2),
                Arguments.of("trace", "ii", 1),
                Arguments.of("diagonal", "ii->i", 1),
                Arguments.of("diagonal_mixed", "iji->ij", 1),
                Arguments.of("scalar_operand", "i,->i", 2),
                Arguments.of("ellipsis_batched", "...ij,...jk->...ik", 2),
                Arguments.of("ellipsis_summed", "...ij->ij", 1),
                Arguments.of("ellipsis_implicit", "i...,i...", 2));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void einsumMatchesTorchToSecondOrder(String name, String spec, int operands) {
        Var[] xs = new Var[operands];
        for (int i = 0; i < operands; i++) {
            xs[i] = Var.param(ref(name, "x" + i));
        }
        Var y = Var.einsum(spec, xs);
        assertClose(name + ".y", ref(name, "y"), y.value());
        Var[] grads = Backward.of(y.mul(Var.constant(ref(name, "ybar"))).sum()).differentiableGradients(xs);
        Var inner = Var.constant(0);
        for (int i = 0; i < operands; i++) {
            assertClose(name + ".g" + i, ref(name, "g" + i), grads[i].value());
            inner = inner.add(grads[i].mul(Var.constant(ref(name, "u" + i))).sum());
        }
        for (int i = 0; i < operands; i++) {
            Tensor h = inner.requiresGrad() ? Backward.of(inner).allowingUnused().gradients(xs)[i]
                    : Tensor.zeros(xs[i].shape().dims());
            assertClose(name + ".h" + i, ref(name, "h" + i), h);
        }
    }

    private static Tensor ref(String config, String entry) {
        return reference.get(config, entry);
    }

    private static void assertClose(String what, Tensor expected, Tensor actual) {
        TorchArrays.assertClose(what, expected, actual, TOLERANCE);
    }
}
