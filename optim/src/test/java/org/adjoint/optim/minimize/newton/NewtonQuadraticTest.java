package org.adjoint.optim.minimize.newton;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.adjoint.core.LinearAlgebra;
import org.adjoint.core.Tensor;
import org.adjoint.optim.minimize.MinimizationResult;
import org.adjoint.optim.minimize.QuadraticGens;
import org.adjoint.optim.minimize.Stopping;
import org.adjoint.verify.Property;
import org.junit.jupiter.api.Test;

/** Newton's method on random positive definite quadratics ½xᵀAx + bᵀx. */
class NewtonQuadraticTest {

    /** On such a quadratic Newton's method lands on the minimizer −A⁻¹b in one step. */
    @Test
    void newtonSolvesAPositiveDefiniteQuadraticInOneStep() {
        Property.forAll(QuadraticGens.QUADRATICS).check(q -> {
            MinimizationResult r = Newton.pure().minimize(q.objective(), q.start(),
                    Stopping.defaults().withGradientTolerance(0).withMaxIterations(1));
            Tensor minimizer = LinearAlgebra.solve(q.a(), q.b()).neg();
            double scale = 1 + minimizer.abs().max().item();
            Tensor last = r.trace().get(r.trace().size() - 1);
            assertTrue(r.iterations() <= 1 && last.sub(minimizer).abs().max().item() <= 1e-9 * scale * q.condition(),
                    () -> last + " vs " + minimizer);
        });
    }
}
