package org.adjoint.optim.minimize.linesearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.adjoint.core.Tensor;
import org.adjoint.optim.minimize.Evaluation;
import org.adjoint.optim.minimize.Objective;
import org.junit.jupiter.api.Test;

/**
 * The typed outcomes of the line searches on hostile lines: trials outside f's domain or in overflow
 * are steps too long, a collapsed strong Wolfe bracket falls back on sufficient decrease, φ = −∞ means
 * unbounded, and a bad initial step is refused.
 */
class LineSearchOutcomeTest {

    private static final List<LineSearch> SEARCHES = List.of(LineSearch.armijo(), LineSearch.strongWolfe(),
            StrongWolfe.withCurvature(0.1), LineSearch.moreThuente(), MoreThuente.withCurvature(0.1),
            ExactLineSearch.standard(), GridSearch.powersOfTen(-14, 0), HagerZhang.standard());

    /**
     * φ along −∇f of f(λ) = 100λ − log λ (the negative log-likelihood of an exponential rate, minimum at
     * 0.01) from λ₀ = 1: φ'(0) = −99², and α = 1 lands at λ = −98, where log is NaN.
     */
    static LineFunction logBarrier() {
        Objective f = Objective.of(x -> x.mul(100).sub(x.log()).sum());
        Tensor x0 = Tensor.vector(1);
        Evaluation e = f.evaluate(x0);
        return new LineFunction(f, x0, e.gradient().neg(), e);
    }

    /** φ along −∇f of f = Σ exp(xᵢ) + exp(−xᵢ) from (20, −30): α = 1 overflows to +∞. */
    private static LineFunction overflow() {
        Objective f = Objective.of(x -> x.exp().add(x.neg().exp()).sum());
        Tensor x0 = Tensor.vector(20, -30);
        Evaluation e = f.evaluate(x0);
        return new LineFunction(f, x0, e.gradient().neg(), e);
    }

    @Test
    void aTrialOutsideTheDomainIsAStepTooLong() {
        for (LineFunction phi : List.of(logBarrier(), overflow())) {
            for (LineSearch search : SEARCHES) {
                LineSearchResult r = search.search(phi, 1);
                assertTrue(r.succeeded(), () -> search + ": " + r);
                assertEquals(LineSearchStatus.ACCEPTED, r.status(), r::message);
                assertTrue(Double.isFinite(r.point().value()) && r.point().value() < phi.value0(), () -> search + ": " + r);
                assertTrue(r.trials().stream().anyMatch(t -> !Double.isFinite(t.value())),
                        () -> search + " should have met a non-finite trial: " + r.trials());
                assertEquals(r.evaluations(), r.trials().size());
                assertNotNull(r.best());
                assertTrue(r.best().value() <= r.point().value());
            }
        }
    }

    @Test
    void noFiniteTrialEndsWithNoFiniteStep() {
        Objective nanEverywhereButX0 = Objective.of(x -> x.sub(1).abs().max().value().item() > 0 ? x.sum().mul(Double.NaN)
                : x.sum());
        Tensor x0 = Tensor.vector(1);
        Evaluation e = new Evaluation(0, Tensor.vector(1));
        LineFunction phi = new LineFunction(nanEverywhereButX0, x0, Tensor.vector(-1), e);
        for (LineSearch search : List.of(new Backtracking(1e-4, 0.5, 10), new StrongWolfe(1e-4, 0.9, 10),
                new MoreThuente(1e-4, 0.9, 1e-14, 1e10, 10), new ExactLineSearch(1e-10, 10), GridSearch.powersOfTen(-3, 0), new FullStep(),
                new HagerZhang(0.1, 0.9, 1e-6, 0.5, 0.66, 5, 10))) {
            LineSearchResult r = search.search(phi, 1);
            assertEquals(LineSearchStatus.NO_FINITE_STEP, r.status(), () -> search + ": " + r);
            assertTrue(r.message().contains("no finite step") || r.message().contains("NaN"), r::message);
            assertEquals(null, r.best());
            assertEquals(null, r.point());
        }
    }

    /**
     * f = |x − x*| has |φ'| = |φ'(0)| everywhere but at the kink, so no step meets the curvature
     * condition: the bracket collapses around the kink, and its best point, which lowers f, is taken.
     */
    @Test
    void aCollapsedStrongWolfeBracketFallsBackOnSufficientDecrease() {
        double kink = Math.PI / 3;
        Objective f = Objective.of(x -> x.sub(kink).abs().sum());
        Tensor x0 = Tensor.vector(0);
        Evaluation e = f.evaluate(x0);
        LineFunction phi = new LineFunction(f, x0, Tensor.vector(1), e);
        LineSearchResult r = new StrongWolfe(1e-4, 0.9, 100).search(phi, 0.75);
        assertEquals(LineSearchStatus.SUFFICIENT_DECREASE_ONLY, r.status(), r::toString);
        assertTrue(r.message().contains("shrank to rounding"), r.message());
        assertEquals(kink, r.point().alpha(), 1e-12);
        assertTrue(r.point().value() <= phi.value0() + 1e-4 * r.point().alpha() * phi.slope0());
    }

    /** The same kink for Moré–Thuente: its interval closes on the kink, and the best point is taken. */
    @Test
    void aCollapsedMoreThuenteIntervalFallsBackOnSufficientDecrease() {
        double kink = Math.PI / 3;
        Objective f = Objective.of(x -> x.sub(kink).abs().sum());
        Tensor x0 = Tensor.vector(0);
        LineFunction phi = new LineFunction(f, x0, Tensor.vector(1), f.evaluate(x0));
        LineSearchResult r = LineSearch.moreThuente().search(phi, 0.75);
        assertEquals(LineSearchStatus.SUFFICIENT_DECREASE_ONLY, r.status(), r::toString);
        assertTrue(r.message().contains("without meeting the curvature condition"), r.message());
        assertEquals(kink, r.point().alpha(), 1e-12);
        assertTrue(r.evaluations() < 60, () -> "trials: " + r.trials());
    }

    /**
     * A cap that a bounded method passes (the distance to the boundary): φ decreasing all the way to it
     * ends there, typed, and no trial goes beyond it.
     */
    @Test
    void aCappedSearchStopsAtItsCap() {
        Objective f = Objective.of(x -> x.neg().sum());
        Tensor x0 = Tensor.vector(0);
        LineFunction phi = new LineFunction(f, x0, Tensor.vector(1), f.evaluate(x0));
        for (CappedLineSearch search : List.of(LineSearch.moreThuente(), HagerZhang.standard())) {
            LineSearchResult r = search.withMaxStep(2.5).search(phi, 1);
            assertEquals(LineSearchStatus.STEP_BOUND_REACHED, r.status(), () -> search + ": " + r);
            assertEquals(2.5, r.point().alpha());
            assertTrue(r.trials().stream().allMatch(t -> t.alpha() <= 2.5), () -> search + " trials: " + r.trials());
        }
    }

    @Test
    void phiAtMinusInfinityMeansUnbounded() {
        Objective f = Objective.of(x -> x.square().square().neg().sum());
        Tensor x0 = Tensor.vector(1);
        Evaluation e = f.evaluate(x0);
        LineFunction phi = new LineFunction(f, x0, Tensor.vector(1e80), e);
        for (LineSearch search : List.of(LineSearch.armijo(), LineSearch.strongWolfe(), LineSearch.moreThuente(),
                ExactLineSearch.standard(), GridSearch.powersOfTen(-3, 0), new FullStep(), HagerZhang.standard())) {
            LineSearchResult r = search.search(phi, 1);
            assertEquals(LineSearchStatus.UNBOUNDED, r.status(), () -> search + ": " + r);
            assertTrue(r.best().value() <= LineFunction.UNBOUNDED, r::toString);
            assertTrue(r.message().contains("f appears unbounded below"), r.message());
        }
    }

    @Test
    void aStepThatIsNotPositiveAndFiniteIsRefused() {
        LineFunction phi = logBarrier();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LineSearch.armijo().search(phi, -5.6e-17));
        assertEquals("Armijo backtracking: the initial step must be positive and finite, got -5.6E-17", e.getMessage());
        for (LineSearch search : List.of(LineSearch.armijo(), LineSearch.strongWolfe(), LineSearch.moreThuente(),
                ExactLineSearch.standard(), GridSearch.powersOfTen(-3, 0), new FullStep(), HagerZhang.standard())) {
            for (double step : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
                IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> search.search(phi, step),
                        () -> search + " accepted α₀ = " + step);
                assertTrue(refused.getMessage().endsWith("the initial step must be positive and finite, got " + step),
                        refused.getMessage());
            }
        }
    }
}
