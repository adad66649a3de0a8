package org.adjoint.optim.minimize.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.adjoint.optim.minimize.MinimizationResult;
import org.adjoint.optim.minimize.Objective;
import org.adjoint.optim.minimize.StopReason;
import org.adjoint.optim.minimize.Stopping;
import org.adjoint.optim.minimize.problems.MoreGarbowHillstrom;
import org.adjoint.optim.minimize.problems.TestProblem;
import org.adjoint.optim.minimize.gradient.SteepestDescent;
import org.junit.jupiter.api.Test;

/** The lessons' random baselines, against following the gradient with the same budget of evaluations. */
class BaselineTest {

    private static final TestProblem ROSENBROCK = MoreGarbowHillstrom.problem(21, 10);

    @Test
    void randomSearchesAreSeededAndCountOneValuePerIteration() {
        Stopping budget = Stopping.defaults().withMaxIterations(500);
        MinimizationResult a = new RandomSearch(1, 7).minimize(Objective.of(ROSENBROCK.function()), ROSENBROCK.start(), budget);
        MinimizationResult b = new RandomSearch(1, 7).minimize(Objective.of(ROSENBROCK.function()), ROSENBROCK.start(), budget);
        assertEquals(a.x(), b.x());
        assertEquals(501, a.evaluations().values());
        assertEquals(StopReason.MAX_ITERATIONS, a.reason());
        MinimizationResult local = new RandomLocalSearch(0.05, 7).minimize(Objective.of(ROSENBROCK.function()), ROSENBROCK.start(), budget);
        for (int i = 1; i < local.values().size(); i++) {
            assertTrue(local.values().get(i) < local.values().get(i - 1), "local search only moves downhill");
        }
        assertTrue(local.value() < a.value(), "local search beats pure random search");
    }

    @Test
    void followingTheGradientBeatsBothWithTheSameNumberOfEvaluations() {
        int budget = 300;
        Objective f = Objective.of(ROSENBROCK.function());
        double random = new RandomSearch(1, 3).minimize(f, ROSENBROCK.start(), Stopping.defaults().withMaxIterations(budget)).value();
        double local = new RandomLocalSearch(0.05, 3).minimize(f, ROSENBROCK.start(), Stopping.defaults().withMaxIterations(budget))
                .value();
        MinimizationResult descent = SteepestDescent.withArmijo().minimize(f, ROSENBROCK.start(),
                Stopping.defaults().withMaxEvaluations(budget));
        assertTrue(descent.evaluations().total() <= budget + 2, descent::toString);
        assertTrue(descent.value() < local && local < random, "descent " + descent.value() + ", local " + local + ", random " + random);
    }
}
