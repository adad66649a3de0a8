package org.adjoint.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Function;
import org.adjoint.core.Tensor;
import org.adjoint.verify.Property;
import org.junit.jupiter.api.Test;

/**
 * Every failure a deep run ({@code mvn test -Pdeep}) has found, fixed, with its shrunk input written
 * out and its seed replayed. RELIABILITY.md lists them.
 */
class DeepRunRegressionTest {

    /**
     * 2026-11-24, expression graph Hessian, seed -4246992665447543613 (try 57,472 of 100,000). Shrunk to
     * {@code sum(64·(x₁²)² + x₀)} with x₀ a 2×2 zero matrix and x₁ a 1×1 zero: the function is
     * {@code 256·x⁴} plus a linear term, and at 0 every value, gradient and Hessian entry is exactly 0.
     * Plain centered differences of the gradient {@code 1024·x³} have a truncation error of about
     * {@code 1024·h²} there, which the check's absolute floor did not allow for. Fixed in
     * {@link GradCheck} by one Richardson extrapolation step, which cancels the h² term.
     */
    @Test
    void quarticAtZeroShrunkFromTheFirstDeepRun() {
        Function<Var[], Var> f = x -> {
            Var square = x[1].mul(x[1]);
            Var fourth = square.mul(square);
            Var doubled = fourth;
            for (int i = 0; i < 6; i++) {
                doubled = doubled.add(doubled);
            }
            return doubled.add(x[0]).sum();
        };
        Tensor x0 = Tensor.zeros(2, 2);
        Tensor x1 = Tensor.zeros(1, 1);
        GradCheck.Report report = GradCheck.defaults().hessian(f, x0, x1);
        assertTrue(report.passed(), report::toString);
        assertEquals(0.0, report.maxError(), 1e-12, report::toString);
        assertTrue(GradCheck.defaults().gradient(f, x0, x1).passed());
    }

    @Test
    void quarticAtZeroReplayedFromItsSeed() {
        Property.forAll(ExpressionGraphs.graphs(12)).named("expression graph Hessian, deep run 2026-11-24")
                .seed(-4246992665447543613L).tries(1).check(graph -> {
                    GradCheck.Report report = GradCheck.defaults().hessian(graph::evaluate, graph.inputs());
                    assertTrue(report.passed(), report::toString);
                });
    }
}
