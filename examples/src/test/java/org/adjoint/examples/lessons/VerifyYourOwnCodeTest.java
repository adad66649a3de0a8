package org.adjoint.examples.lessons;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.adjoint.autodiff.DerivativeCheck;
import org.adjoint.autodiff.OpContract;
import org.adjoint.autodiff.UnaryOp;
import org.adjoint.autodiff.Var;
import org.adjoint.core.NamedTensors;
import org.adjoint.core.Shape;
import org.adjoint.core.Tensor;
import org.adjoint.optim.rules.laws.RuleLaws;
import org.adjoint.verify.Gen;
import org.adjoint.verify.Property;
import org.adjoint.verify.PropertyFailure;
import org.adjoint.verify.TensorGens;
import org.junit.jupiter.api.Test;

/**
 * What a user of the library writes to check their own code the way the library checks its own
 * (README, "Verify your own code"): a hand-written op, a small model and the custom-optimizer lesson's
 * update rule, each under a
 * property with generated inputs, and a deliberately wrong derivative rule whose failure shows the
 * shrunk input and the seed that replays it.
 */
class VerifyYourOwnCodeTest {

    /** softplus(x) = log(1 + eˣ), with x̄ = ȳ·sigmoid(x): a user's own op. */
    record NaiveSoftplus() implements UnaryOp {
        @Override
        public Tensor forward(Tensor x) {
            return x.exp().add(1).log();
        }

        @Override
        public Var vjp(Var x, Var y, Var yBar) {
            return yBar.mul(x.sigmoid());
        }
    }

    /** The same op with a wrong rule: x̄ = ȳ·sigmoid(x)·(1 + x²/100), off everywhere but at 0. */
    record WrongSoftplus() implements UnaryOp {
        @Override
        public Tensor forward(Tensor x) {
            return x.exp().add(1).log();
        }

        @Override
        public Var vjp(Var x, Var y, Var yBar) {
            return yBar.mul(x.sigmoid()).mul(x.square().div(100).add(1));
        }
    }

    private static final Gen<Tensor> INPUTS = TensorGens.tensors(TensorGens.shapes(2, 4), Gen.doubles(-8, 8));

    @Test
    void aHandWrittenSoftplusHasTheRightDerivativesAndContract() {
        Property.forAll(INPUTS, Gen.integers(0, 1_000_000)).check((x, seed) ->
                DerivativeCheck.defaults().all(v -> Var.apply(new NaiveSoftplus(), v), seed, x).requirePassed());
        OpContract.of(new NaiveSoftplus())
                .withNanPropagation(OpContract.NanPropagation.ELEMENTWISE)
                .withKink(OpContract.Kink.of(Tensor.scalar(0), Tensor.scalar(Math.log(2)), Tensor.scalar(0.5)))
                .check(Tensor.vector(-2, 0.3, 1.7))
                .requirePassed();
    }

    /** A two-layer model, tanh(x·W₁)·W₂, with a squared loss: derivatives in every input at once. */
    @Test
    void aSmallModelsLossHasTheRightDerivativesInEveryParameter() {
        Gen<Tensor> w1 = TensorGens.tensors(Gen.constant(Shape.of(3, 4)), Gen.doubles(-1, 1));
        Gen<Tensor> w2 = TensorGens.tensors(Gen.constant(Shape.of(4, 2)), Gen.doubles(-1, 1));
        Tensor x = Tensor.matrix(new double[][] {{0.5, -1, 2}, {1.5, 0.25, -0.75}});
        Tensor y = Tensor.matrix(new double[][] {{1, 0}, {0, 1}});
        Property.forAll(w1, w2, Gen.integers(0, 1_000_000)).check((a, b, seed) ->
                DerivativeCheck.defaults().all(p -> Var.constant(x).matmul(p[0]).tanh().matmul(p[1])
                        .sub(Var.constant(y)).square().sum(), seed, a, b).requirePassed());
    }

    /** The heavy-ball rule the custom-optimizer lesson writes, checked against every law. */
    @Test
    void aHandWrittenUpdateRuleObeysTheLaws() {
        Map<String, Tensor> values = new LinkedHashMap<>();     // a fixed order of parameters
        values.put("w", Tensor.matrix(new double[][] {{0.5, -1}, {2, 0.25}}));
        values.put("b", Tensor.scalar(0.1));
        NamedTensors params = NamedTensors.of(values);
        Property.forAll(Gen.integers(0, 1_000_000)).tries(20).check(seed ->
                RuleLaws.all(new CustomOptimizerExample.HeavyBall(0.05, 0.9), params, RuleLaws.randomGradients(params, seed, 6), seed));
    }

    /** The check catches a wrong rule; the report shows the shrunk input and the seed that replays it. */
    @Test
    void aWrongDerivativeRuleFailsWithTheShrunkInputAndTheSeed() {
        PropertyFailure failure = assertThrows(PropertyFailure.class, () ->
                Property.forAll(INPUTS).seed(42).check(x ->
                        DerivativeCheck.defaults().firstOrder(v -> Var.apply(new WrongSoftplus(), v), 7, x).requirePassed()));
        String report = failure.getMessage();
        assertTrue(report.contains("Shrunk value") && report.contains("-Dadjoint.seed="), report);
        assertTrue(failure.getCause() instanceof AssertionError && failure.getCause().getMessage().contains("input 0"),
                () -> String.valueOf(failure.getCause()));
    }
}
