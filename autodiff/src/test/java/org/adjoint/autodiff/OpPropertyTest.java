package org.adjoint.autodiff;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.function.Function;
import java.util.stream.Stream;
import org.adjoint.core.Interval;
import org.adjoint.core.Tensor;
import org.adjoint.verify.Gen;
import org.adjoint.verify.Property;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every op of the {@link OpCatalogue}, on random inputs in its smooth domain: the vector-Jacobian
 * product against centered differences (first order), and the Hessian of {@code ⟨v, op(x)⟩} against
 * centered differences of the autodiff gradient (second order, which checks that every derivative
 * rule is itself differentiated correctly, including cross terms between inputs).
 */
class OpPropertyTest {

    private static final GradCheck CHECK = GradCheck.defaults();

    @TestFactory
    Stream<DynamicTest> firstDerivativesMatchCenteredDifferences() {
        return OpCatalogue.all().stream().map(c -> dynamicTest(c.name(), () ->
                Property.forAll(c.calls(), Gen.integers(0, 1 << 20)).named(c.name() + ": gradient")
                        .check((call, seed) -> {
                            GradCheck.Report report = CHECK.gradient(projected(call, seed), call.inputs());
                            assertTrue(report.passed(), report::toString);
                        })));
    }

    @TestFactory
    Stream<DynamicTest> secondDerivativesMatchCenteredDifferencesOfTheGradient() {
        return OpCatalogue.all().stream().map(c -> dynamicTest(c.name(), () ->
                Property.forAll(c.calls(), Gen.integers(0, 1 << 20)).named(c.name() + ": Hessian")
                        .check((call, seed) -> {
                            GradCheck.Report report = CHECK.hessian(projected(call, seed), call.inputs());
                            assertTrue(report.passed(), report::toString);
                        })));
    }

    /**
     * The scalar {@code ⟨v, op(x)⟩} for a random cotangent v of the output's shape: its gradient is
     * the op's vector-Jacobian product with v. The cotangent is drawn from a seed that is part of the
     * generated case, so a failure replays and shrinks like any other.
     */
    private static Function<Var[], Var> projected(OpCatalogue.Call call, int seed) {
        Var[] constants = new Var[call.inputs().length];
        for (int i = 0; i < constants.length; i++) {
            constants[i] = Var.constant(call.inputs()[i]);
        }
        Tensor output = call.apply().apply(constants).value();
        Var v = Var.constant(Tensor.randomUniform(seed, new Interval(-1, 1), output.shape().dims()));
        return xs -> call.apply().apply(xs).mul(v).sum();
    }
}
