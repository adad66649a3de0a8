package org.adjoint.optim.minimize.leastsquares;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.adjoint.autodiff.Var;
import org.adjoint.autodiff.VarFunction;
import org.adjoint.core.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Bad input a user can cause: each refused with a message naming what and where. */
class LeastSquaresErrorsTest {

    private static final LevenbergMarquardt LM = LevenbergMarquardt.standard();
    private static final VarFunction GOOD = theta -> Var.concat(0, theta.sub(1), theta.sub(2));

    private static void refuses(Executable call, String... fragments) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment), () -> "\"" + e.getMessage() + "\" lacks \"" + fragment + "\"");
        }
    }

    @Test
    void aResidualFunctionThatIsNotAVectorIsRefused() {
        refuses(() -> LM.solve(theta -> theta.square().sum(), Tensor.vector(1, 2)), "LevenbergMarquardt", "vector", "[]");
        refuses(() -> LM.solve(theta -> theta.reshape(1, 2).broadcastTo(org.adjoint.core.Shape.of(3, 2)), Tensor.vector(1, 2)),
                "vector", "[3, 2]");
    }

    @Test
    void aResidualFunctionWhoseLengthChangesIsRefused() {
        AtomicInteger calls = new AtomicInteger();
        VarFunction growing = theta -> calls.getAndIncrement() == 0 ? GOOD.apply(theta) : Var.concat(0, GOOD.apply(theta), theta);
        refuses(() -> LM.solve(growing, Tensor.vector(0)), "returned 3 residuals after returning 2", "must not change");
    }

    @Test
    void fewerResidualsThanParametersAreRefused() {
        refuses(() -> LM.solve(theta -> theta.sum().reshape(1), Tensor.vector(1, 2)), "1 residuals for 2 parameters", "m ≥ n");
    }

    @Test
    void nonFiniteResidualsAtTheStartAreRefusedWithTheirIndex() {
        refuses(() -> LM.solve(theta -> Var.concat(0, theta, theta.log()), Tensor.vector(-1)), "residual 1 is NaN", "start");
    }

    @Test
    void aBadStartIsRefused() {
        refuses(() -> LM.solve(GOOD, Tensor.vector(Double.NaN)), "θ₀[0] is NaN");
        refuses(() -> LM.solve(GOOD, Tensor.zeros(1, 1)), "non-empty vector", "[1, 1]");
        refuses(() -> LM.solve(GOOD, Tensor.zeros(0)), "non-empty vector");
    }

    @Test
    void badWeightsAreRefused() {
        refuses(() -> LM.solve(GOOD, Tensor.vector(0), new double[] {1, -1}), "weight 1 is -1.0");
        refuses(() -> LM.solve(GOOD, Tensor.vector(0), new double[] {Double.NaN, 1}), "weight 0 is NaN");
        refuses(() -> LM.solve(GOOD, Tensor.vector(0), new double[] {1, 1, 1}), "3 weights for 2 residuals");
    }

    @Test
    void badSettingsAreRefusedWithTheirValue() {
        refuses(() -> LM.withTolerances(-1, 0, 0), "ftol", "-1.0");
        refuses(() -> LM.withTolerances(0, Double.NaN, 0), "xtol", "NaN");
        refuses(() -> LM.withTolerances(0, 0, Double.POSITIVE_INFINITY), "gtol", "Infinity");
        refuses(() -> LM.withMaxEvaluations(-2), "maxEvaluations", "-2");
        refuses(() -> new LevenbergMarquardt(0, 0, 0, 0, 0, Loss.linear()), "initialStepBound", "0.0");
        refuses(() -> Loss.huber(0), "fScale", "0.0");
        refuses(() -> Loss.cauchy(Double.NaN), "fScale", "NaN");
    }
}
