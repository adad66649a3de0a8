package org.adjoint.optim.minimize.linesearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.adjoint.core.Tensor;
import org.adjoint.optim.minimize.Objective;
import org.junit.jupiter.api.Test;

/**
 * The steps of Hager and Zhang's search, traced on lines where each is known: the secant step on a
 * quadratic, the expansion by ρ, bisection away from NaN, and the approximate Wolfe conditions
 * accepting a step that rounding hides from the sufficient-decrease test.
 */
class HagerZhangTest {

    private static LineFunction line(java.util.function.DoubleUnaryOperator f, java.util.function.DoubleUnaryOperator df) {
        Objective objective = HardLineCases.oneDimensional(f, df);
        Tensor x0 = Tensor.vector(0);
        return new LineFunction(objective, x0, Tensor.vector(1), objective.evaluate(x0));
    }

    private static List<Double> alphas(LineSearchResult r) {
        return r.trials().stream().map(LineSearchResult.Trial::alpha).toList();
    }

    /** φ = (α − 3)²: α = 10 has φ' ≥ 0 and closes the bracket [0, 10]; the secant of φ' there is exactly 3. */
    @Test
    void onAQuadraticTheFirstSecantStepIsTheMinimizer() {
        LineSearchResult r = HagerZhang.standard().search(line(a -> (a - 3) * (a - 3), a -> 2 * (a - 3)), 10);
        assertEquals(LineSearchStatus.ACCEPTED, r.status(), r::toString);
        assertEquals(List.of(10.0, 3.0), alphas(r));
        assertEquals("Hager–Zhang: accepted α = 3.0", r.message());
    }

    /**
     * From α₀ = 0.01 the trial grows by ρ = 5 while φ' &lt; σ·φ'(0) = −5.4 and φ stays low, until
     * α = 1.25 (φ' = −3.5) meets the Wolfe conditions.
     */
    @Test
    void aShortFirstStepIsExpandedByRho() {
        LineSearchResult r = HagerZhang.standard().search(line(a -> (a - 3) * (a - 3), a -> 2 * (a - 3)), 0.01);
        assertEquals(LineSearchStatus.ACCEPTED, r.status(), r::toString);
        assertEquals(List.of(0.01, 0.05, 0.25, 1.25), alphas(r));
    }

    /**
     * φ = −2α − log(1 − α) is +∞ at α = 1 and NaN beyond: from α₀ = 10 each trial is a tenth of the
     * way back from the non-finite one, 10 (NaN), 1 (+∞), then 0.1, where φ'(0.1) = −0.89 ≥ σ·φ'(0).
     */
    @Test
    void aNonFiniteTrialIsApproachedByTenths() {
        LineSearchResult r = HagerZhang.standard().search(line(a -> -2 * a - Math.log(1 - a), a -> -2 + 1 / (1 - a)), 10);
        assertEquals(LineSearchStatus.ACCEPTED, r.status(), r::toString);
        assertEquals(List.of(10.0, 1.0, 0.1), alphas(r));
        assertTrue(Double.isNaN(r.trials().get(0).value()), r::toString);
        assertEquals(Double.POSITIVE_INFINITY, r.trials().get(1).value());
    }

    /**
     * φ = 1e8 + 1e-9·(α − 1)²: every value rounds to 1e8, so the sufficient-decrease test of T1,
     * φ(α) − φ(0) ≤ δ·α·φ'(0), fails at every step, but φ'(1) = 0 meets the approximate Wolfe conditions
     * (Hager and Zhang 2005, section 4: the reason for them).
     */
    @Test
    void approximateWolfeAcceptsWhereRoundingHidesTheDecrease() {
        LineFunction phi = line(a -> 1e8 + 1e-9 * (a - 1) * (a - 1), a -> 2e-9 * (a - 1));
        LineSearchResult r = HagerZhang.standard().search(phi, 1);
        assertEquals(LineSearchStatus.ACCEPTED, r.status(), r::toString);
        assertEquals(1.0, r.point().alpha());
        assertFalse(r.point().value() - phi.value0() <= 0.1 * phi.slope0(), "T1 fails here: only T2 can accept");
    }

    @Test
    void badConstantsAreRefusedWithTheirValues() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new HagerZhang(0.6, 0.9, 1e-6, 0.5, 0.66, 5, 60));
        assertEquals("HagerZhang: need 0 < delta < 0.5, delta <= sigma < 1, finite epsilon >= 0, 0 < theta < 1, 0 < gamma < 1,"
                + " finite rho > 1, a budget of at least 2 and maxStep > 0, got delta = 0.6, sigma = 0.9, epsilon = 1.0E-6,"
                + " theta = 0.5, gamma = 0.66, rho = 5.0, budget = 60, maxStep = 1.0E10", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new HagerZhang(0.1, 0.05, 1e-6, 0.5, 0.66, 5, 60));
        assertThrows(IllegalArgumentException.class, () -> new HagerZhang(0.1, 0.9, -1, 0.5, 0.66, 5, 60));
        assertThrows(IllegalArgumentException.class, () -> new HagerZhang(0.1, 0.9, 1e-6, 0.5, 0.66, 1, 60));
        assertThrows(IllegalArgumentException.class, () -> new HagerZhang(0.1, 0.9, 1e-6, 0.5, 0.66, 5, 1));
        assertThrows(IllegalArgumentException.class, () -> HagerZhang.standard().withMaxStep(0));
    }
}
