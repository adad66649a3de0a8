package org.adjoint.optim.minimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.adjoint.optim.minimize.gradient.SteepestDescent;
import org.adjoint.optim.minimize.quasinewton.Bfgs;
import org.adjoint.optim.minimize.problems.MoreGarbowHillstrom;
import org.adjoint.optim.minimize.problems.TestProblem;
import org.junit.jupiter.api.Test;

/** Each stopping criterion, and the trace a result carries. */
class StoppingTest {

    private static final TestProblem ROSENBROCK = MoreGarbowHillstrom.problem(1);

    private static MinimizationResult run(Stopping stopping) {
        return SteepestDescent.withArmijo().minimize(Objective.of(ROSENBROCK.function()), ROSENBROCK.start(), stopping);
    }

    @Test
    void eachCriterionStopsTheRunAndSaysSo() {
        Stopping none = Stopping.defaults().withGradientTolerance(0).withMaxIterations(100_000).withMaxEvaluations(1_000_000);
        assertEquals(StopReason.GRADIENT_TOLERANCE, run(none.withGradientTolerance(1e-2)).reason());
        assertEquals(StopReason.FUNCTION_TOLERANCE, run(none.withFunctionTolerance(1e-6)).reason());
        assertEquals(StopReason.STEP_TOLERANCE, run(none.withStepTolerance(1e-6)).reason());
        MinimizationResult iterations = run(none.withMaxIterations(25));
        assertEquals(StopReason.MAX_ITERATIONS, iterations.reason());
        assertEquals(25, iterations.iterations());
        MinimizationResult evaluations = run(none.withMaxEvaluations(40));
        assertEquals(StopReason.MAX_EVALUATIONS, evaluations.reason());
        assertTrue(evaluations.evaluations().total() >= 40 && evaluations.evaluations().total() < 40 + 62, evaluations::toString);
    }

    @Test
    void theTraceHoldsEveryIterateAndItsValue() {
        MinimizationResult r = Bfgs.standard().minimize(Objective.of(ROSENBROCK.function()), ROSENBROCK.start());
        assertEquals(r.iterations() + 1, r.trace().size());
        assertEquals(r.trace().size(), r.values().size());
        assertEquals(ROSENBROCK.start(), r.trace().get(0));
        assertEquals(24.2, r.values().get(0), 1e-12);
        assertEquals(r.x(), r.trace().get(r.trace().size() - 1));
        assertTrue(r.gradientNorm() <= 1e-8 && r.converged(), r::toString);
    }
}
