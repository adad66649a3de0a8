package org.adjoint.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Stream;
import org.adjoint.core.Tensor;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * {@link DerivativeCheck} passes the library's own ops and fails, naming the input, the output index
 * and the direction seed, on deliberately wrong derivative rules.
 */
class DerivativeCheckTest {

    private static final DerivativeCheck CHECK = DerivativeCheck.defaults();
    private static final Tensor X = Tensor.vector(-1.3, 0.4, 2.1);

    /** Every op of the catalogue on a few generated calls; the seed is printed with any failure. */
    @TestFactory
    Stream<DynamicTest> everyCatalogueOpPassesAllChecks() {
        long base = new SplittableRandom().nextLong();
        return OpCatalogue.all().stream().map(c -> dynamicTest(c.name(), () -> {
            int checked = 0;
            for (long s = base; checked < 3 && s < base + 100; s++) {
                OpCatalogue.Call call = sample(c, s);
                if (call != null) {
                    CheckReport report = CHECK.all(call.apply(), s, call.inputs());
                    assertTrue(report.passed(), () -> "seed " + base + ", " + call + "\n" + report);
                    assertTrue(report.comparisons() > 0, report::toString);
                    checked++;
                }
            }
            assertEquals(3, checked, "seed " + base);
        }));
    }

    /**
     * A generated call, or null when the case is discarded: some calls assume, when applied, that
     * their inputs are away from a kink (ties in max).
     */
    private static OpCatalogue.Call sample(OpCatalogue.Case c, long seed) {
        try {
            OpCatalogue.Call call = c.calls().sample(seed);
            call.apply().apply(DirectionalDerivatives.constants(call.inputs()));
            return call;
        } catch (RuntimeException discarded) {
            return null;
        }
    }

    @Test
    void aFunctionOfTwoMatricesWithAMatrixOutputPasses() {
        Tensor a = Tensor.matrix(new double[][] {{0.3, -0.2, 0.5}, {0.1, 0.4, -0.6}});
        Tensor b = Tensor.matrix(new double[][] {{0.7, 0.1}, {-0.3, 0.2}, {0.5, -0.9}});
        CheckReport report = CHECK.all(xs -> xs[0].matmul(xs[1]).tanh(), 11, a, b);
        assertTrue(report.passed(), report::toString);
        // first order: 3 directions × 2 inputs × 3 comparisons; second order: 3 × 2 × 2
        assertEquals(18 + 12, report.comparisons(), report::toString);
        assertTrue(CHECK.all(xs -> xs[0].matmul(xs[1]).tanh().sum(), 11, a, b).passed());
    }

    @Test
    void aVjpOffByAFactorFailsFirstOrderNamingInputOutputAndSeed() {
        CheckReport report = CHECK.firstOrder(x -> Var.apply(new DoubledSin(), x), 42, X);
        assertFalse(report.passed());
        String text = report.toString();
        assertTrue(text.contains("first order, input 0, direction seed 42: reverse mode ⟨Jᵀv, u⟩ = "), text);
        assertTrue(text.contains("but finite differences ⟨v, J·u⟩ = "), text);
        assertTrue(text.contains("tolerance "), text);
        assertTrue(text.matches("(?s).*first order, input 0, output \\[\\d], direction seed 4[234]: forward mode.*"), text);
        AssertionError error = assertThrows(AssertionError.class, report::requirePassed);
        assertEquals(text, error.getMessage());
    }

    @Test
    void aFailureNamesTheWrongInputOfSeveral() {
        CheckReport report = CHECK.firstOrder(xs -> xs[0].mul(Var.apply(new DoubledSin(), xs[1])), 7, X, X);
        assertFalse(report.passed());
        assertTrue(report.failures().stream().allMatch(f -> f.contains("input 1")), report::toString);
    }

    @Test
    void aVjpThatIsNotDifferentiablePassesFirstOrderAndFailsSecondOrder() {
        VarFunction f = x -> Var.apply(new FrozenSin(), x);
        CheckReport first = CHECK.firstOrder(f, 3, X);
        assertTrue(first.passed(), first::toString);
        CheckReport second = CHECK.secondOrder(f, 3, X);
        assertFalse(second.passed());
        assertTrue(second.toString().contains("second order, derivative of ⟨x̄0, w⟩ along input 0 (x̄ = Jᵀv), direction seed 3"),
                second::toString);
        assertFalse(CHECK.all(f, 3, X).passed());
    }

    @Test
    void aVjpThatDoesNotRecordItsCotangentFailsForwardAgainstReverse() {
        CheckReport report = CHECK.firstOrder(x -> Var.apply(new RawCotangentSin(), x), 5, X);
        assertFalse(report.passed());
        assertTrue(report.toString().contains("forward mode ⟨v, J·u⟩ = 0.0 but reverse mode ⟨Jᵀv, u⟩"), report::toString);
        assertFalse(report.toString().contains(": reverse mode ⟨Jᵀv, u⟩ = "), report::toString);
    }

    @Test
    void anAsymmetricSecondOrderRuleFailsSymmetry() {
        Function<Var[], Var> f = xs -> Var.apply(new HalfFrozenMul(), xs[0], xs[1]).sum();
        CheckReport report = CHECK.symmetry(f, 9, X, Tensor.vector(0.5, -0.7, 1.1));
        assertFalse(report.passed());
        assertTrue(report.toString().contains("symmetry, u on input 0, w on input 1, direction seed 9: uᵀ(H·w) = "),
                report::toString);
        assertTrue(CHECK.symmetry(xs -> xs[0].mul(xs[1]).sum(), 9, X, X).passed());
    }

    @Test
    void symmetryNeedsAScalarFunction() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CHECK.symmetry(Var::sin, 1, X));
        assertTrue(e.getMessage().contains("[3]"), e::getMessage);
    }

    @Test
    void aFailureReplaysAloneFromItsDirectionSeed() {
        VarFunction f = x -> Var.apply(new DoubledSin(), x);
        CheckReport all = CHECK.firstOrder(f, 100, X);
        CheckReport replay = CHECK.withDirections(1).firstOrder(f, 101, X);
        assertEquals(all.failures().stream().filter(m -> m.contains("seed 101")).toList(), replay.failures());
    }

    @Test
    void configurationIsValidatedWithTheBadValue() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CHECK.withStep(0)).getMessage().contains("step = 0.0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CHECK.withTolerance(1e-5, -1)).getMessage()
                .contains("rtol = -1.0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CHECK.withDirections(0)).getMessage()
                .contains("directions = 0"));
        assertThrows(IllegalArgumentException.class, () -> CHECK.firstOrder((Function<Var[], Var>) xs -> xs[0], 1));
    }

    @Test
    void aLooserToleranceAcceptsWhatTheDefaultRejects() {
        VarFunction slightlyOff = x -> Var.apply(new ScaledSin(1 + 1e-2), x);
        assertFalse(CHECK.firstOrder(slightlyOff, 1, X).passed());
        assertTrue(CHECK.withTolerance(1e-5, 5e-2).firstOrder(slightlyOff, 1, X).passed());
    }

    /** sin with a VJP twice too large. */
    private record DoubledSin() implements UnaryOp {
        public Tensor forward(Tensor x) {
            return x.sin();
        }

        public Var vjp(Var x, Var y, Var yBar) {
            return yBar.mul(x.cos()).mul(2);
        }
    }

    /** sin with a VJP off by a given factor. */
    private record ScaledSin(double factor) implements UnaryOp {
        public Tensor forward(Tensor x) {
            return x.sin();
        }

        public Var vjp(Var x, Var y, Var yBar) {
            return yBar.mul(x.cos()).mul(factor);
        }
    }

    /** sin whose VJP uses cos(x) as a constant: right at first order, a zero second derivative. */
    private record FrozenSin() implements UnaryOp {
        public Tensor forward(Tensor x) {
            return x.sin();
        }

        public Var vjp(Var x, Var y, Var yBar) {
            return yBar.mul(Var.constant(x.value().cos()));
        }
    }

    /** sin whose VJP computes from the cotangent's raw values, so nothing of it is recorded. */
    private record RawCotangentSin() implements UnaryOp {
        public Tensor forward(Tensor x) {
            return x.sin();
        }

        public Var vjp(Var x, Var y, Var yBar) {
            return Var.constant(yBar.value().mul(x.value().cos()));
        }
    }

    /** a · b whose rule for b treats a as a constant: ∂²/∂b∂a is lost, ∂²/∂a∂b is kept. */
    private record HalfFrozenMul() implements BinaryOp {
        public Tensor forward(Tensor a, Tensor b) {
            return a.mul(b);
        }

        public Var vjpA(Var a, Var b, Var y, Var yBar) {
            return yBar.mul(b);
        }

        public Var vjpB(Var a, Var b, Var y, Var yBar) {
            return yBar.mul(Var.constant(a.value()));
        }
    }
}
