package org.adjoint.optim.minimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.adjoint.autodiff.Var;
import org.adjoint.autodiff.VarFunction;
import org.adjoint.core.Tensor;
import org.adjoint.optim.minimize.baseline.RandomLocalSearch;
import org.adjoint.optim.minimize.baseline.RandomSearch;
import org.adjoint.optim.minimize.gradient.NonlinearConjugateGradient;
import org.adjoint.optim.minimize.gradient.SteepestDescent;
import org.adjoint.optim.minimize.linesearch.Backtracking;
import org.adjoint.optim.minimize.linesearch.ExactLineSearch;
import org.adjoint.optim.minimize.linesearch.GridSearch;
import org.adjoint.optim.minimize.linesearch.HagerZhang;
import org.adjoint.optim.minimize.linesearch.LineFunction;
import org.adjoint.optim.minimize.linesearch.LineSearch;
import org.adjoint.optim.minimize.linesearch.LineSearchResult;
import org.adjoint.optim.minimize.linesearch.LineSearchStatus;
import org.adjoint.optim.minimize.linesearch.StrongWolfe;
import org.adjoint.optim.minimize.newton.HessianModification;
import org.adjoint.optim.minimize.newton.Newton;
import org.adjoint.optim.minimize.newton.NewtonCg;
import org.adjoint.optim.minimize.newton.TrustRegionNewton;
import org.adjoint.optim.minimize.quasinewton.Bfgs;
import org.adjoint.optim.minimize.quasinewton.Lbfgs;
import org.junit.jupiter.api.Test;

/** Bad input gives a clear exception or a result that says why it stopped; the best point is never lost. */
class MinimizeErrorsTest {

    private static final List<Minimizer> METHODS = List.of(SteepestDescent.withArmijo(), Newton.pure(), Newton.modified(),
            NewtonCg.standard(), TrustRegionNewton.standard(), Bfgs.standard(), Lbfgs.withMemory(3),
            NonlinearConjugateGradient.of(NonlinearConjugateGradient.Beta.POLAK_RIBIERE_PLUS), new RandomSearch(1, 1),
            new RandomLocalSearch(0.1, 1));

    private static final VarFunction BOWL = x -> x.square().sum();

    @Test
    void aNonFiniteStartingPointIsRefused() {
        for (Minimizer m : METHODS) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> m.minimize(Objective.of(BOWL), Tensor.vector(1, Double.NaN)));
            assertTrue(e.getMessage().endsWith("the starting point tensor([1., NaN]) is not finite"), e.getMessage());
        }
    }

    @Test
    void aStartThatIsNotAVectorIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Bfgs.standard().minimize(Objective.of(BOWL), Tensor.zeros(2, 2)));
        assertEquals("Bfgs: the starting point must be a non-empty vector, got shape [2, 2]", e.getMessage());
    }

    @Test
    void aDimensionMismatchNamesTheShapes() {
        Tensor a = Tensor.identity(3);
        VarFunction threeDimensional = x -> x.matmul(Var.constant(a)).mul(x).sum();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Newton.modified().minimize(Objective.of(threeDimensional), Tensor.vector(1, 2)));
        assertEquals("matmul: [2] @ [3, 3] — inner dimensions 2 and 3 differ", e.getMessage());
    }

    /**
     * f = Σx² while ‖x‖ > 0.5, NaN inside: every method stops saying why, keeping its best finite point.
     * Since issue 16 a NaN trial is a step too long, so the line-search methods creep up to the edge of
     * the NaN ball and stop there with no progress, or with a failed search whose trials were not finite.
     */
    @Test
    void anObjectiveThatTurnsNaNMidRunStopsWithAReasonAndKeepsTheBestPoint() {
        VarFunction poisoned = x -> {
            Var f = x.square().sum();
            return f.value().item() < 0.25 ? f.mul(Double.NaN) : f;
        };
        for (Minimizer m : METHODS) {
            MinimizationResult r = m.minimize(Objective.of(poisoned), Tensor.vector(3, -4),
                    Stopping.defaults().withMaxIterations(200));
            if (r.reason() == StopReason.MAX_ITERATIONS) {
                assertTrue(m instanceof RandomSearch || m instanceof RandomLocalSearch, r::toString);
            } else {
                assertTrue(r.reason() == StopReason.NON_FINITE_VALUE || r.reason() == StopReason.LINE_SEARCH_FAILED
                        || r.reason() == StopReason.NO_PROGRESS, r::toString);
                assertTrue(r.message().contains("NaN") || r.message().contains("not finite")
                        || r.message().startsWith("no progress: "), r::toString);
            }
            assertTrue(Double.isFinite(r.value()) && r.value() >= 0.25 && r.value() <= 25, () -> m + ": " + r);
            assertTrue(r.x().isFinite());
        }
    }

    @Test
    void lineSearchesExplainTheirFailures() {
        Objective bowl = Objective.of(BOWL);
        Tensor x = Tensor.vector(1, 1);
        Evaluation e = bowl.evaluate(x);
        LineFunction uphill = new LineFunction(bowl, x, Tensor.vector(1, 0), e);
        for (LineSearch search : List.of(LineSearch.armijo(), LineSearch.strongWolfe(), LineSearch.moreThuente(),
                ExactLineSearch.standard(), GridSearch.powersOfTen(-3, 0), HagerZhang.standard())) {
            LineSearchResult r = search.search(uphill, 1);
            assertEquals(LineSearchStatus.NOT_DESCENT, r.status(), () -> search + ": " + r);
            assertTrue(!r.succeeded() && r.message().contains("not a descent direction"), () -> search + ": " + r);
        }
        // NaN beyond |x| = 1.5 is a step too long (issue 16): backtrack from α = 10 to 1.25 instead of failing
        Objective nanBeyondOne = Objective.of(v -> v.abs().max().value().item() > 1.5 ? v.sum().mul(Double.NaN) : v.square().sum());
        LineFunction line = new LineFunction(nanBeyondOne, x, Tensor.vector(-1, -1), nanBeyondOne.evaluate(x));
        LineSearchResult r = LineSearch.armijo().search(line, 10);
        assertEquals(LineSearchStatus.ACCEPTED, r.status(), r::toString);
        assertEquals(1.25, r.point().alpha());
        assertEquals(List.of(10.0, 5.0, 2.5, 1.25), r.trials().stream().map(LineSearchResult.Trial::alpha).toList());
        assertTrue(r.trials().subList(0, 2).stream().allMatch(t -> Double.isNaN(t.value())), r::toString);
        assertEquals(4.5, r.trials().get(2).value());
        assertTrue(LineSearch.armijo().search(line, 1).succeeded());
        // a budget spent while φ still decreases keeps the best point, which meets sufficient decrease (issue 16)
        LineSearchResult budget = new StrongWolfe(1e-4, 0.9, 2).search(new LineFunction(bowl, x, Tensor.vector(-1e-6, -1e-6), e), 1e-3);
        assertEquals(LineSearchStatus.SUFFICIENT_DECREASE_ONLY, budget.status(), budget::toString);
        assertTrue(budget.message().startsWith("strong Wolfe: no step meets both conditions within 2 evaluations"), budget.message());
        LineSearchResult overshoot = new StrongWolfe(1e-4, 0.9, 2).search(new LineFunction(bowl, x, Tensor.vector(-1, -1), e), 1e3);
        assertEquals(LineSearchStatus.BUDGET_EXHAUSTED, overshoot.status(), overshoot::toString);
        assertEquals("strong Wolfe: no step meets both conditions within 2 evaluations", overshoot.message());
        assertEquals(500.0, overshoot.best().alpha());
        LineSearchResult none = new GridSearch(new double[] {5, 10}).search(new LineFunction(bowl, x, Tensor.vector(-1, -1), e), 1);
        assertEquals(LineSearchStatus.NO_DECREASE, none.status());
        assertEquals("grid search: no step in [5.0, 10.0] lowers f below 2.0", none.message());
    }

    @Test
    void badSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Backtracking(0, 0.5, 10));
        assertThrows(IllegalArgumentException.class, () -> new StrongWolfe(0.5, 0.1, 10));
        assertThrows(IllegalArgumentException.class, () -> new GridSearch(new double[] {1, -1}));
        assertThrows(IllegalArgumentException.class, () -> Lbfgs.withMemory(0));
        assertThrows(IllegalArgumentException.class, () -> new TrustRegionNewton(2, 1, 0.1));
        assertThrows(IllegalArgumentException.class, () -> Stopping.defaults().withMaxEvaluations(0));
        assertThrows(IllegalArgumentException.class, () -> HessianModification.addMultipleOfIdentity(0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new RandomSearch(-1, 0));
        assertEquals("RandomSearch: scale = -1.0 must be positive and finite", e.getMessage());
    }

    @Test
    void anObjectiveWithoutSecondDerivativesSaysSoToNewton() {
        Objective firstOrderOnly = new Objective() {
            @Override
            public double value(Tensor x) {
                return x.square().sum().item();
            }

            @Override
            public Evaluation evaluate(Tensor x) {
                return new Evaluation(value(x), x.mul(2));
            }
        };
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> Newton.pure().minimize(firstOrderOnly, Tensor.vector(1, 2)));
        assertTrue(e.getMessage().startsWith("this objective has no Hessian"), e.getMessage());
        assertTrue(Bfgs.standard().minimize(firstOrderOnly, Tensor.vector(1, 2)).converged());
    }

    @Test
    void aSingularHessianStopsPureNewtonWithAReason() {
        VarFunction flatInY = x -> x.slice(0, 0, 1).sub(1).square().sum();
        MinimizationResult r = Newton.pure().minimize(Objective.of(flatInY), Tensor.vector(3, 2));
        assertEquals(StopReason.SINGULAR_HESSIAN, r.reason(), r::toString);
        assertEquals("the Hessian is singular at iteration 0", r.message());
        assertTrue(Newton.modified().minimize(Objective.of(flatInY), Tensor.vector(3, 2)).converged());
    }
}
