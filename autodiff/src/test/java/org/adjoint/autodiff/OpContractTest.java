package org.adjoint.autodiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Function;
import org.adjoint.autodiff.OpContract.Kink;
import org.adjoint.autodiff.OpContract.NanPropagation;
import org.adjoint.core.Tensor;
import org.junit.jupiter.api.Test;

/**
 * {@link OpContract} passes the library's own ops with their documented kinks, NaN propagation and
 * shape errors, and fails, naming the input and the values, on ops that break each clause.
 */
class OpContractTest {

    private static final Tensor X = Tensor.vector(-1.3, 0.4, 2.1);

    @Test
    void reluKeepsItsContract() {
        CheckReport report = OpContract.of(xs -> xs[0].relu())
                .withNanPropagation(NanPropagation.ELEMENTWISE)
                .withKink(Kink.of(Tensor.vector(-1, 0, 2), Tensor.vector(0, 0, 2), Tensor.vector(0, 0, 1)))
                .check(X);
        assertTrue(report.passed(), report::toString);
        assertEquals(1 + 3 + 1, report.comparisons(), report::toString);
    }

    @Test
    void absSumAddAndMatmulKeepTheirContracts() {
        OpContract.of(xs -> xs[0].abs()).withNanPropagation(NanPropagation.ELEMENTWISE)
                .withKink(Kink.of(Tensor.vector(-1, 0, 2), Tensor.vector(1, 0, 2), Tensor.vector(-1, 0, 1)))
                .check(X).requirePassed();
        OpContract.of(xs -> xs[0].sum()).withNanPropagation(NanPropagation.ALL_OUTPUTS).check(X).requirePassed();
        OpContract.of(xs -> xs[0].add(xs[1])).withNanPropagation(NanPropagation.ELEMENTWISE)
                .rejecting(IllegalArgumentException.class, Tensor.zeros(2, 3), Tensor.zeros(4))
                .check(X, Tensor.vector(1, 2, 3)).requirePassed();
        OpContract.of(xs -> xs[0].matmul(xs[1])).withNanPropagation(NanPropagation.SOME_OUTPUT)
                .rejecting(IllegalArgumentException.class, Tensor.zeros(2, 3), Tensor.zeros(2, 3))
                .check(Tensor.ones(2, 3), Tensor.ones(3, 2)).requirePassed();
    }

    /** The issue-21 ops: kinks of leaky relu and elu at 0, batched matmul and cumsum refusing bad shapes. */
    @Test
    void issue21OpsKeepTheirContracts() {
        OpContract.of(xs -> xs[0].leakyRelu(0.1)).withNanPropagation(NanPropagation.ELEMENTWISE)
                .withKink(Kink.of(Tensor.vector(-1, 0, 2), Tensor.vector(-0.1, 0, 2), Tensor.vector(0.1, 0.1, 1)))
                .check(X).requirePassed();
        OpContract.of(xs -> xs[0].elu(1.5)).withNanPropagation(NanPropagation.ELEMENTWISE)
                .withKink(Kink.of(Tensor.scalar(0), Tensor.scalar(0), Tensor.scalar(1.5)))
                .check(X).requirePassed();
        for (OpContract contract : new OpContract[] {OpContract.of(xs -> xs[0].gelu()), OpContract.of(xs -> xs[0].silu()),
            OpContract.of(xs -> xs[0].softplus()), OpContract.of(xs -> xs[0].erf()), OpContract.of(xs -> xs[0].expm1())}) {
            contract.withNanPropagation(NanPropagation.ELEMENTWISE).check(X).requirePassed();
        }
        OpContract.of(xs -> xs[0].matmul(xs[1])).withNanPropagation(NanPropagation.SOME_OUTPUT)
                .rejecting(IllegalArgumentException.class, Tensor.zeros(2, 2, 3), Tensor.zeros(2, 2, 3))
                .check(Tensor.ones(2, 2, 3), Tensor.ones(3, 2)).requirePassed();
        OpContract.of(xs -> xs[0].cumsum(1)).withNanPropagation(NanPropagation.SOME_OUTPUT)
                .rejecting(IllegalArgumentException.class, Tensor.zeros(3))
                .check(Tensor.ones(2, 3)).requirePassed();
    }

    @Test
    void typedOpsAreAppliedWithVarApply() {
        OpContract.of(new Square()).withNanPropagation(NanPropagation.ELEMENTWISE).check(X).requirePassed();
        OpContract.of(org.adjoint.autodiff.ops.Mul.INSTANCE).withNanPropagation(NanPropagation.ELEMENTWISE)
                .check(X, X).requirePassed();
    }

    @Test
    void anOpThatReplacesItsInputFails() {
        CheckReport report = OpContract.of(xs -> {
            xs[0] = xs[0].mul(2);
            return xs[0].sin();
        }).check(X);
        assertFalse(report.passed());
        assertEquals(List.of("no mutation: the op replaced input 0 in the Var[] it was given"), report.failures());
    }

    /**
     * A rule that writes into the inputs array it is handed gets a copy (the engine's own record of the
     * node's inputs stays intact), so the recorded graph, and the Hessian through it, stay right.
     */
    @Test
    void aDerivativeRuleThatWritesIntoItsInputsArrayCannotCorruptTheGraph() {
        Function<Var[], Var> op = xs -> Var.record(new GraphMutatingSquare(), xs[0].value().square(), xs[0]);
        CheckReport report = OpContract.of(op).check(X);
        assertTrue(report.passed(), report::toString);
        Tensor x = Tensor.vector(0.5, -1.5);
        for (int sweep = 0; sweep < 2; sweep++) {
            Tensor h = Derivatives.hessian(v -> op.apply(new Var[] {v}).sum(), x);
            assertArrayEquals(new double[] {2, 0, 0, 2}, h.toArray(), 0, "sweep " + sweep);
        }
    }

    @Test
    void anOpThatSwallowsNanFailsNamingTheElement() {
        CheckReport report = OpContract.of(new NanToZeroSin()).withNanPropagation(NanPropagation.ELEMENTWISE).check(X);
        assertEquals(3, report.failures().size(), report::toString);
        assertTrue(report.failures().get(1).startsWith(
                "NaN propagation (ELEMENTWISE): NaN at input 0 element [1] gave output [-0.963"), report::toString);
        AssertionError error = assertThrows(AssertionError.class, report::requirePassed);
        assertTrue(error.getMessage().contains("FAILED 3 of 4 comparisons"), error::getMessage);
    }

    @Test
    void aWrongKinkValueOrDerivativeFails() {
        CheckReport report = OpContract.of(xs -> xs[0].relu())
                .withKink(Kink.of(Tensor.scalar(0), Tensor.scalar(0), Tensor.scalar(0.5)))
                .check(X);
        assertEquals(1, report.failures().size(), report::toString);
        assertTrue(report.failures().get(0).contains("derivative with respect to input 0: the op gives"), report::toString);
        assertTrue(report.failures().get(0).contains("0.5"), report::toString);
    }

    @Test
    void anOpThatAcceptsBadShapesOrThrowsTheWrongTypeFails() {
        CheckReport accepted = OpContract.of(xs -> xs[0].sin())
                .rejecting(IllegalArgumentException.class, Tensor.zeros(2, 3)).check(X);
        assertTrue(accepted.failures().get(0).startsWith("bad input: inputs of shapes [[2, 3]] were accepted"),
                accepted::toString);
        CheckReport wrongType = OpContract.of(xs -> xs[0].add(xs[1]))
                .rejecting(IllegalStateException.class, Tensor.zeros(2, 3), Tensor.zeros(4)).check(X, X);
        assertTrue(wrongType.failures().get(0).contains("threw java.lang.IllegalArgumentException"), wrongType::toString);
        assertTrue(wrongType.failures().get(0).contains("expected java.lang.IllegalStateException"), wrongType::toString);
    }

    @Test
    void aKinkNeedsAGradientPerInput() {
        assertThrows(IllegalArgumentException.class,
                () -> new Kink(List.of(X, X), X, List.of(X)));
    }

    /** The README's "Verify your own code" sample: a user's softplus passes both checks. */
    @Test
    void theReadmeSoftplusPassesBothChecks() {
        long seed = new java.util.SplittableRandom().nextLong();
        DerivativeCheck.defaults()
                .all(x -> Var.apply(new NaiveSoftplus(), x), seed, Tensor.vector(-2, 0.3, 1.7))
                .requirePassed();
        OpContract.of(new NaiveSoftplus())
                .withNanPropagation(NanPropagation.ELEMENTWISE)
                .withKink(Kink.of(Tensor.scalar(0), Tensor.scalar(Math.log(2)), Tensor.scalar(0.5)))
                .check(Tensor.vector(-2, 0.3, 1.7))
                .requirePassed();
    }

    /** y = log(1 + eˣ);  x̄ = ȳ · sigmoid(x). */
    private record NaiveSoftplus() implements UnaryOp {
        public Tensor forward(Tensor x) {
            return x.exp().add(1).log();
        }

        public Var vjp(Var x, Var y, Var yBar) {
            return yBar.mul(x.sigmoid());
        }
    }

    /** y = x². */
    private record Square() implements UnaryOp {
        public Tensor forward(Tensor x) {
            return x.square();
        }

        public Var vjp(Var x, Var y, Var yBar) {
            return yBar.mul(x).mul(2);
        }
    }

    /** sin that maps a NaN input to 0. */
    private record NanToZeroSin() implements UnaryOp {
        public Tensor forward(Tensor x) {
            return x.map(v -> Double.isNaN(v) ? 0 : Math.sin(v));
        }

        public Var vjp(Var x, Var y, Var yBar) {
            return yBar.mul(x.cos());
        }
    }

    /** x², whose rule overwrites the engine's record of its input with a constant. */
    private record GraphMutatingSquare() implements Op {
        public Var vjp(int input, Var[] inputs, Var output, Var outputBar) {
            Var x = inputs[0];
            inputs[0] = Var.constant(x.value());
            return outputBar.mul(x).mul(2);
        }
    }
}
