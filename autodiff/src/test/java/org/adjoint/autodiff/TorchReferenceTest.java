package org.adjoint.autodiff;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.adjoint.core.Tensor;
import org.adjoint.core.io.Npz;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The issue-21 activations, cumsum, batched matmul and losses against PyTorch 1.13 in float64: values,
 * gradients, and for the activations second derivatives. The reference is
 * {@code torch/elementwise_losses_1_13.npz}, written by
 * {@code examples/src/main/python/torch_elementwise_losses_reference.py}.
 */
class TorchReferenceTest {

    private static final double RTOL = 1e-12;
    private static final double ATOL = 1e-14;
    private static Map<String, Tensor> reference;

    @BeforeAll
    static void readReference() throws IOException, URISyntaxException {
        reference = Npz.read(Path.of(TorchReferenceTest.class.getResource("/torch/elementwise_losses_1_13.npz").toURI()));
    }

    static Stream<Arguments> activations() {
        return Stream.of(
                Arguments.of("log1p", (Function<Var, Var>) Var::log1p),
                Arguments.of("expm1", (Function<Var, Var>) Var::expm1),
                Arguments.of("softplus", (Function<Var, Var>) Var::softplus),
                Arguments.of("softplus_beta2", (Function<Var, Var>) x -> x.softplus(2)),
                Arguments.of("erf", (Function<Var, Var>) Var::erf),
                Arguments.of("gelu", (Function<Var, Var>) Var::gelu),
                Arguments.of("gelu_tanh", (Function<Var, Var>) Var::geluTanh),
                Arguments.of("silu", (Function<Var, Var>) Var::silu),
                Arguments.of("leaky_relu", (Function<Var, Var>) x -> x.leakyRelu(0.1)),
                Arguments.of("elu", (Function<Var, Var>) x -> x.elu(1.3)));
    }

    /** Value, first and second derivative at every point of the grid, the kinks at 0 included. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("activations")
    void activationsMatchPyTorch(String name, Function<Var, Var> op) {
        Tensor x = reference.get(name + ".x");
        VarFunction total = v -> op.apply(v).sum();
        close(name + ".y", op.apply(Var.constant(x)).value());
        close(name + ".dy", Derivatives.grad(total, x));
        close(name + ".d2y", Derivatives.hvp(total, x, Tensor.ones(x.shape())));
    }

    @Test
    void cumsumAndBatchedMatmulMatchPyTorch() {
        weighted("cumsum0", v -> v[0].cumsum(0));
        weighted("cumsum1", v -> v[0].cumsum(-1));
        for (String name : new String[] {"matmul_batch", "matmul_vector_left", "matmul_vector_right", "matmul_matrix_stack"}) {
            weighted(name, v -> v[0].matmul(v[1]));
        }
    }

    @Test
    void binaryCrossEntropyWithLogitsMatchesPyTorch() {
        loss("bce", v -> Losses.binaryCrossEntropyWithLogits(v[0], v[1]), 2);
        loss("bce_pos_weight", v -> Losses.binaryCrossEntropyWithLogits(v[0], v[1], reference.get("bce_pos_weight.pw")), 2);
    }

    @Test
    void negativeLogLikelihoodMatchesPyTorch() {
        int[] labels = reference.get("nll.labels").toIntArray();
        loss("nll", v -> Losses.negativeLogLikelihood(v[0], labels), 1);
        loss("nll_weighted", v -> Losses.negativeLogLikelihood(v[0], labels, reference.get("nll_weighted.weights")), 1);
    }

    @Test
    void huberAndSmoothL1MatchPyTorch() {
        loss("huber", v -> Losses.huber(v[0], v[1], 0.7), 2);
        loss("smooth_l1", v -> Losses.smoothL1(v[0], v[1], 0.7), 2);
        loss("smooth_l1_beta0", v -> Losses.smoothL1(v[0], v[1], 0), 2);
    }

    /**
     * Where a target probability is 0, PyTorch's gradient with respect to it is NaN (the derivative of
     * its log); ours is 0, that element being left out of the sum. Everywhere else they agree.
     */
    @Test
    void klDivergenceMatchesPyTorch() {
        Var[] x = inputs("kl", 2);
        Var y = Losses.klDivergence(x[0], x[1]);
        close("kl.y", y.value());
        Tensor[] g = Backward.of(y).gradients(x);
        close("kl.g0", g[0]);
        Tensor torchTargetGradient = reference.get("kl.g1");
        Tensor isZero = x[1].value().map(p -> p == 0 ? 1 : 0);
        assertTrue(isZero.sum().item() == 3 && torchTargetGradient.map(v -> Double.isNaN(v) ? 1 : 0).equals(isZero));
        assertTrue(Tensor.where(isZero, Tensor.zeros(4, 5), torchTargetGradient).allClose(g[1], RTOL, ATOL),
                () -> "kl.g1: " + g[1] + " vs " + torchTargetGradient);
    }

    @Test
    void crossEntropyWithSmoothingAndWeightsMatchesPyTorch() {
        int[] labels = reference.get("ce_smooth.labels").toIntArray();
        Tensor weights = reference.get("ce_weighted.weights");
        loss("ce_smooth", v -> Losses.softmaxCrossEntropy(v[0], labels, 0.1), 1);
        loss("ce_weighted", v -> Losses.softmaxCrossEntropy(v[0], labels, weights, 0), 1);
        loss("ce_weighted_smooth", v -> Losses.softmaxCrossEntropy(v[0], labels, weights, 0.2), 1);
    }

    /** y = f(x₀, x₁, …) and the gradients of Σ w·y. */
    private static void weighted(String name, Function<Var[], Var> f) {
        Tensor w = reference.get(name + ".w");
        loss(name, v -> f.apply(v).mul(Var.constant(w)).sum(), reference.containsKey(name + ".x1") ? 2 : 1);
        close(name + ".y", f.apply(inputs(name, reference.containsKey(name + ".x1") ? 2 : 1)).value());
    }

    private static void loss(String name, Function<Var[], Var> f, int arity) {
        Var[] x = inputs(name, arity);
        Var y = f.apply(x);
        if (reference.get(name + ".y").shape().equals(y.shape())) {
            close(name + ".y", y.value());
        }
        Tensor[] g = Backward.of(y).gradients(x);
        for (int i = 0; i < arity; i++) {
            close(name + ".g" + i, g[i]);
        }
    }

    private static Var[] inputs(String name, int arity) {
        Var[] x = new Var[arity];
        for (int i = 0; i < arity; i++) {
            x[i] = Var.param(reference.get(name + ".x" + i));
        }
        return x;
    }

    private static void close(String key, Tensor actual) {
        Tensor expected = reference.get(key);
        assertTrue(expected.shape().equals(actual.shape()) && expected.allClose(actual, RTOL, ATOL),
                () -> key + ": expected " + expected + " but got " + actual + " (max difference "
                        + (expected.shape().equals(actual.shape()) ? expected.maxAbsDifference(actual) : Double.NaN) + ")");
    }
}
