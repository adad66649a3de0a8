package org.adjoint.optim.minimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.adjoint.core.Tensor;
import org.adjoint.optim.minimize.bounded.LbfgsB;
import org.adjoint.optim.minimize.derivativefree.Bobyqa;
import org.adjoint.optim.minimize.derivativefree.CmaEs;
import org.adjoint.optim.minimize.derivativefree.NelderMead;
import org.adjoint.optim.minimize.derivativefree.Powell;
import org.adjoint.optim.minimize.gradient.NonlinearConjugateGradient;
import org.adjoint.optim.minimize.gradient.SteepestDescent;
import org.adjoint.optim.minimize.linesearch.ExactLineSearch;
import org.adjoint.optim.minimize.linesearch.GridSearch;
import org.adjoint.optim.minimize.linesearch.HagerZhang;
import org.adjoint.optim.minimize.linesearch.LineSearch;
import org.adjoint.optim.minimize.newton.Newton;
import org.adjoint.optim.minimize.newton.NewtonCg;
import org.adjoint.optim.minimize.newton.TrustRegionNewton;
import org.adjoint.optim.minimize.problems.MoreGarbowHillstrom;
import org.adjoint.optim.minimize.problems.TestProblem;
import org.adjoint.optim.minimize.quasinewton.Bfgs;
import org.adjoint.optim.minimize.quasinewton.Lbfgs;
import org.junit.jupiter.api.Test;

/**
 * A minimizer's evaluation budget is honoured exactly: its line searches may evaluate only what is
 * left of it ({@code LineFunction.evaluationLimit}), so a run never makes more evaluations (values,
 * gradients, Hessians and products together) than {@code Stopping.maxEvaluations()}, and one that
 * stops for lack of them says so.
 */
class EvaluationBudgetTest {

    private static final List<Minimizer> METHODS = List.of(
            SteepestDescent.withArmijo(), new SteepestDescent(ExactLineSearch.standard()),
            new SteepestDescent(GridSearch.powersOfTen(-6, 0)),
            NonlinearConjugateGradient.of(NonlinearConjugateGradient.Beta.POLAK_RIBIERE_PLUS),
            Bfgs.standard(), new Bfgs(LineSearch.strongWolfe()), Lbfgs.withMemory(5),
            Newton.damped(), Newton.modified(), NewtonCg.standard(), TrustRegionNewton.standard(), LbfgsB.standard(), new Bfgs(HagerZhang.standard()),
            new NonlinearConjugateGradient(NonlinearConjugateGradient.Beta.POLAK_RIBIERE_PLUS,
                    new HagerZhang(0.1, 0.1, 1e-6, 0.5, 0.66, 5, 60)),
            NelderMead.standard(), Powell.standard(), Bobyqa.unbounded(), CmaEs.seeded(1));

    @Test
    void noRunEvaluatesMoreThanItsBudget() {
        for (int problem : new int[] {1, 7, 14}) {
            TestProblem p = MoreGarbowHillstrom.problem(problem);
            int[] budgets = problem == 1 ? java.util.stream.IntStream.rangeClosed(1, 40).toArray() : new int[] {2, 5, 17, 33, 60};
            for (Minimizer method : METHODS) {
                for (int budget : budgets) {
                    Stopping stopping = Stopping.defaults().withGradientTolerance(1e-10).withMaxEvaluations(budget);
                    MinimizationResult r = method.minimize(p.objective(), p.start(), stopping);
                    int spent = r.evaluations().total();
                    String where = method + " on " + p.name() + " with a budget of " + budget + ": " + r.reason() + ", "
                            + r.evaluations() + ", " + r.message();
                    assertTrue(spent <= budget, where);
                    if (r.reason() == StopReason.MAX_EVALUATIONS) {
                        assertTrue(r.message().contains(budget + " evaluations"), where);
                    }
                    assertTrue(Double.isFinite(r.value()) && r.value() <= p.startValue(), where);
                }
            }
        }
    }

    @Test
    void aSearchCutShortByTheBudgetEndsTheRunWithMaxEvaluations() {
        TestProblem rosenbrock = MoreGarbowHillstrom.problem(1);
        MinimizationResult r = Bfgs.standard().minimize(rosenbrock.objective(), rosenbrock.start(),
                Stopping.defaults().withMaxEvaluations(3));
        assertEquals(StopReason.MAX_EVALUATIONS, r.reason(), r::message);
        assertTrue(r.evaluations().total() <= 3, r.evaluations()::toString);
    }

    @Test
    void aLineSearchStopsAtTheLinesEvaluationLimit() {
        Objective f = Objective.of(x -> x.square().sum());
        Tensor x = Tensor.vector(1);
        Evaluation e = f.evaluate(x);
        var phi = new org.adjoint.optim.minimize.linesearch.LineFunction(f, x, Tensor.vector(-1e-9), e, 4);
        for (LineSearch search : List.of(LineSearch.armijo(), LineSearch.strongWolfe(), LineSearch.moreThuente(),
                ExactLineSearch.standard(), HagerZhang.standard())) {
            var result = search.search(phi, 1);
            assertTrue(result.evaluations() <= 4, () -> search + ": " + result);
        }
    }
}
