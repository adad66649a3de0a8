package org.adjoint.optim.minimize.newton;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.adjoint.optim.minimize.Evaluations;
import org.adjoint.optim.minimize.MinimizationResult;
import org.adjoint.optim.minimize.Minimizer;
import org.adjoint.optim.minimize.Stopping;
import org.adjoint.optim.minimize.problems.MoreGarbowHillstrom;
import org.adjoint.optim.minimize.problems.TestProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One forward pass per accepted trial (issue 16): the Newton-type methods evaluate f and ∇f together
 * at a trial they usually accept and reuse both on acceptance, instead of evaluating f there and then
 * f and ∇f again. On Rosenbrock (MGH 1) the function evaluations (value-only plus value-and-gradient,
 * SciPy's nfev) are the iterations plus the rejected trials, fewer than two per iteration.
 */
class EvaluationCountTest {

    static List<Minimizer> newtonTypes() {
        return List.of(NewtonCg.standard(), Newton.modified(), Newton.damped());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("newtonTypes")
    void eachAcceptedTrialCostsOneEvaluation(Minimizer method) {
        TestProblem rosenbrock = MoreGarbowHillstrom.problem(1);
        MinimizationResult r = method.minimize(rosenbrock.objective(), rosenbrock.start(), Stopping.defaults());
        Evaluations counts = r.evaluations();
        int nfev = counts.values() + counts.gradients();
        assertTrue(rosenbrock.solvedBy(r.value(), 1e-7), () -> method + ": " + r);
        // evaluating each accepted point twice (a value for the test, then f and ∇f) cost at least
        // 1 + 2·iterations; one evaluation per accepted trial leaves the start, the iterations and the
        // rejected trials (backtracks, shrunk radii), which are far fewer than the iterations here
        assertTrue(nfev < 2 * r.iterations(), () -> method + ": nfev = " + nfev + " after "
                + r.iterations() + " iterations (" + counts + ")");
    }

    @Test
    void trustRegionNewtonEvaluatesEachTrialOnce() {
        TestProblem rosenbrock = MoreGarbowHillstrom.problem(1);
        MinimizationResult r = TrustRegionNewton.standard().minimize(rosenbrock.objective(), rosenbrock.start(),
                Stopping.defaults());
        Evaluations counts = r.evaluations();
        assertTrue(rosenbrock.solvedBy(r.value(), 1e-7), r::toString);
        // an iteration is one trial, accepted or not: f and ∇f at the start and at each trial, nothing more
        assertEquals(0, counts.values(), counts::toString);
        assertEquals(r.iterations() + 1, counts.gradients(), counts::toString);
    }
}
