package org.adjoint.optim.minimize;

import org.adjoint.optim.minimize.problems.MoreGarbowHillstrom;
import org.adjoint.optim.minimize.problems.TestProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.adjoint.autodiff.VarFunction;
import org.adjoint.core.Tensor;
import org.adjoint.optim.minimize.gradient.NonlinearConjugateGradient;
import org.adjoint.optim.minimize.gradient.SteepestDescent;
import org.adjoint.optim.minimize.linesearch.ExactLineSearch;
import org.adjoint.optim.minimize.linesearch.FullStep;
import org.adjoint.optim.minimize.linesearch.GridSearch;
import org.adjoint.optim.minimize.linesearch.LineFunction;
import org.adjoint.optim.minimize.linesearch.LineSearch;
import org.adjoint.optim.minimize.linesearch.LineSearchResult;
import org.adjoint.optim.minimize.linesearch.LineSearchStatus;
import org.adjoint.optim.minimize.linesearch.StrongWolfe;
import org.adjoint.optim.minimize.newton.Newton;
import org.adjoint.optim.minimize.quasinewton.Bfgs;
import org.adjoint.optim.minimize.quasinewton.Lbfgs;
import org.junit.jupiter.api.Test;

/**
 * Objectives a real user writes: restricted domains, overflow far away, huge gradients, a flat value,
 * and no lower bound. The line-search minimizers keep going where they can and say why where they
 * cannot.
 */
class HostileObjectivesTest {

    private static final List<Minimizer> FIRST_ORDER = List.of(Bfgs.standard(), Lbfgs.withMemory(5),
            NonlinearConjugateGradient.of(NonlinearConjugateGradient.Beta.POLAK_RIBIERE_PLUS),
            NonlinearConjugateGradient.of(NonlinearConjugateGradient.Beta.FLETCHER_REEVES), SteepestDescent.withArmijo());

    /**
     * f(λ) = 100λ − log λ from λ₀ = 1: the first trial along −∇f (∇f = 99) lands where log is NaN. The
     * gradient tolerance is 1e-4 because Armijo backtracking compares values only, and f ≈ 5.6 with
     * f'' = 1e4 resolves ∇f only to about √(2ε·f·f'') ≈ 5e-6.
     */
    @Test
    void aTrialOutsideTheDomainDoesNotEndTheRun() {
        VarFunction f = x -> x.mul(100).sub(x.log()).sum();
        for (Minimizer m : FIRST_ORDER) {
            MinimizationResult r = m.minimize(Objective.of(f), Tensor.vector(1), Stopping.defaults().withGradientTolerance(1e-4));
            assertTrue(r.converged(), () -> m + ": " + r);
            assertEquals(0.01, r.x().item(), 1e-7, r::toString);
        }
    }

    /**
     * f = Σ exp(xᵢ) + exp(−xᵢ) from (20, −30), where ‖∇f‖ ≈ 1e13: α = 1 along −∇f overflows. The first
     * trial is SciPy's α₀ = min(1, 1.01/‖∇f‖), a move of length 1.01, and every method converges (to
     * ‖∇f‖ ≤ 1e-6: at f = 4 with f'' = 2 smaller gradients are lost in the rounding of f, where conjugate
     * gradients' strong Wolfe search then meets a collapsed bracket, with or without the scaled step).
     */
    @Test
    void theFirstTrialStepIsScaledByTheGradient() {
        Tensor x0 = Tensor.vector(20, -30);
        for (Minimizer m : FIRST_ORDER) {
            List<Tensor> points = new ArrayList<>();
            Objective recording = recording(Objective.of(x -> x.exp().add(x.neg().exp()).sum()), points);
            MinimizationResult r = m.minimize(recording, x0, Stopping.defaults().withMaxIterations(10_000)
                    .withGradientTolerance(1e-6));
            assertEquals(1.01, points.get(1).sub(x0).abs().square().sum().sqrt().item(), 1e-9,
                    () -> m + ": the first trial is " + points.get(1));
            assertTrue(r.converged(), () -> m + ": " + r);
            assertTrue(r.x().abs().max().item() < 1e-6, r::toString);
        }
    }

    /**
     * A search that fails once, at its third call: BFGS, L-BFGS and CG forget their memory and retry
     * along −∇f with the scaled first step, then carry on to the minimum.
     */
    @Test
    void aFailedSearchResetsTheMemoryAndRetriesAlongTheGradient() {
        TestProblem rosenbrock = MoreGarbowHillstrom.problem(1);
        for (boolean conjugate : new boolean[] {false, true}) {
            for (int which = 0; which < 2; which++) {
                FailsOnce search = new FailsOnce(conjugate ? StrongWolfe.withCurvature(0.1) : LineSearch.strongWolfe(), 3);
                Minimizer m = conjugate ? new NonlinearConjugateGradient(which == 0
                        ? NonlinearConjugateGradient.Beta.POLAK_RIBIERE_PLUS : NonlinearConjugateGradient.Beta.FLETCHER_REEVES, search)
                        : which == 0 ? new Bfgs(search) : new Lbfgs(5, search);
                MinimizationResult r = m.minimize(Objective.of(rosenbrock.function()), rosenbrock.start(),
                        Stopping.defaults().withMaxIterations(100_000).withGradientTolerance(1e-6));
                assertTrue(r.converged(), () -> m + ": " + r);
                LineFunction retry = search.calls.get(3);
                Tensor d = retry.direction();
                double dd = d.square().sum().item();
                assertEquals(-dd, retry.slope0(), 1e-12 * dd, () -> m + ": the retry is along −∇f");
                assertEquals(Math.min(1, 1.01 / Math.sqrt(dd)), search.steps.get(3), 1e-15, m::toString);
                assertTrue(Math.abs(search.calls.get(2).slope0() + search.calls.get(2).direction().square().sum().item())
                        > 1e-6, () -> m + ": the failed search used the method's memory");
            }
        }
    }

    /**
     * f = 1 + 1e-20·Σ(xᵢ − 3)² is 1 to the last bit near the start, and its gradient moves x by less
     * than rounding: with every tolerance 0 the run stops after five such iterations, not at the limit.
     */
    @Test
    void noProgressStopsTheRun() {
        VarFunction flat = x -> x.sub(3).square().sum().mul(1e-20).add(1);
        Stopping zero = new Stopping(0, 0, 0, 1000, 100_000);
        MinimizationResult r = SteepestDescent.withArmijo().minimize(Objective.of(flat), Tensor.vector(0, 0), zero);
        assertEquals(StopReason.NO_PROGRESS, r.reason(), r::toString);
        assertEquals(StopReason.STALLED_ITERATIONS, r.iterations(), r::toString);
        assertTrue(r.message().startsWith("no progress: "), r.message());
        assertTrue(!r.converged());
    }

    /**
     * f = −x⁴ has no minimum: every line search, driving a method whose steps can grow with it (BFGS and
     * L-BFGS, whose trial step after the first iteration is 1, and modified Newton), says so. Steepest
     * descent and CG choose their first trial for the same first-order decrease as the last step
     * (Nocedal and Wright, eq. 3.60), so they crawl towards −∞ and stop at the iteration limit instead.
     */
    @Test
    void anUnboundedObjectiveIsReportedAsSuch() {
        VarFunction quartic = x -> x.square().square().neg().sum();
        List<Minimizer> methods = List.of(Bfgs.standard(), new Bfgs(ExactLineSearch.standard()),
                new Bfgs(GridSearch.powersOfTen(-8, 0)), new Bfgs(new FullStep()), Lbfgs.withMemory(5),
                new Lbfgs(5, LineSearch.armijo()), Newton.modified());
        for (Minimizer m : methods) {
            MinimizationResult r = m.minimize(Objective.of(quartic), Tensor.vector(1));
            assertEquals(StopReason.UNBOUNDED_BELOW, r.reason(), () -> m + ": " + r);
            assertTrue(r.message().startsWith("f appears unbounded below: f = "), r.message());
            assertTrue(r.value() <= LineFunction.UNBOUNDED, r::toString);
        }
    }

    /** Delegates, except that the {@code failAt}-th call (from 1) fails with BUDGET_EXHAUSTED; records every call. */
    private static final class FailsOnce implements LineSearch {
        final List<LineFunction> calls = new ArrayList<>();
        final List<Double> steps = new ArrayList<>();
        private final LineSearch delegate;
        private final int failAt;

        FailsOnce(LineSearch delegate, int failAt) {
            this.delegate = delegate;
            this.failAt = failAt;
        }

        @Override
        public LineSearchResult search(LineFunction phi, double initialStep) {
            calls.add(phi);
            steps.add(initialStep);
            if (calls.size() == failAt) {
                return new LineSearchResult(LineSearchStatus.BUDGET_EXHAUSTED, "scripted failure", null, null, List.of());
            }
            return delegate.search(phi, initialStep);
        }
    }

    /** {@code f}, adding every point where it is evaluated to {@code points}. */
    private static Objective recording(Objective f, List<Tensor> points) {
        return new Objective() {
            @Override
            public double value(Tensor x) {
                points.add(x);
                return f.value(x);
            }

            @Override
            public Evaluation evaluate(Tensor x) {
                points.add(x);
                return f.evaluate(x);
            }
        };
    }
}
