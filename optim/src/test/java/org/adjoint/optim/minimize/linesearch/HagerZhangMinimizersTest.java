package org.adjoint.optim.minimize.linesearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.adjoint.optim.minimize.MinimizationResult;
import org.adjoint.optim.minimize.Minimizer;
import org.adjoint.optim.minimize.Objective;
import org.adjoint.optim.minimize.Stopping;
import org.adjoint.optim.minimize.gradient.NonlinearConjugateGradient;
import org.adjoint.optim.minimize.problems.MoreGarbowHillstrom;
import org.adjoint.optim.minimize.problems.TestProblem;
import org.adjoint.optim.minimize.quasinewton.Bfgs;
import org.adjoint.optim.minimize.quasinewton.Lbfgs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * BFGS, L-BFGS and nonlinear conjugate gradients (Polak–Ribière+, σ = 0.1) driven by the Hager–Zhang
 * search reach the known minima of the Moré–Garbow–Hillstrom problems that {@code MoreGarbowHillstromTest}
 * uses (1, 2, 5, 7, 13, 14 and 21 with n = 10), with that test's criteria: ‖x − x*‖∞ ≤ 1e-4 and
 * f − f* ≤ 1e-10; for Freudenstein–Roth the local minimum f = 48.98425… that descent reaches from the
 * standard start; for Powell's singular function (singular Hessian at the minimum) f ≤ 1e-7.
 */
class HagerZhangMinimizersTest {

    private static final Stopping STOPPING = Stopping.defaults().withMaxIterations(2_000).withMaxEvaluations(100_000);

    static Stream<Arguments> runs() {
        List<Minimizer> methods = List.of(new Bfgs(HagerZhang.standard()), new Lbfgs(5, HagerZhang.standard()),
                new NonlinearConjugateGradient(NonlinearConjugateGradient.Beta.POLAK_RIBIERE_PLUS,
                        new HagerZhang(0.1, 0.1, 1e-6, 0.5, 0.66, 5, 60)));
        List<Arguments> runs = new ArrayList<>();
        for (Minimizer m : methods) {
            for (TestProblem p : List.of(MoreGarbowHillstrom.problem(1), MoreGarbowHillstrom.problem(2),
                    MoreGarbowHillstrom.problem(5), MoreGarbowHillstrom.problem(7), MoreGarbowHillstrom.problem(13),
                    MoreGarbowHillstrom.problem(14), MoreGarbowHillstrom.problem(21, 10))) {
                runs.add(Arguments.of(m, p));
            }
        }
        return runs.stream();
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("runs")
    void reachesTheKnownMinimum(Minimizer method, TestProblem problem) {
        MinimizationResult r = method.minimize(Objective.of(problem.function()), problem.start(), STOPPING);
        assertTrue(r.converged(), r::toString);
        if (problem.name().startsWith("Freudenstein")) {
            assertEquals(48.98425367924, r.value(), 1e-8, r::toString);
        } else if (problem.name().startsWith("Powell")) {
            assertTrue(r.value() <= 1e-7 && r.x().abs().max().item() <= 0.05, r::toString);
        } else {
            assertTrue(r.value() - problem.fStar() <= 1e-10, r::toString);
            assertTrue(r.x().sub(problem.minimizer().orElseThrow()).abs().max().item() <= 1e-4, () -> r.x() + ": " + r);
        }
        assertEquals(0, r.evaluations().hessians() + r.evaluations().hessianVectorProducts());
    }

    /** L-BFGS and CG with Hager–Zhang on a thousand variables (extended Rosenbrock, MGH 21), as {@code MoreGarbowHillstromTest}'s large problem. */
    @Test
    void aThousandVariables() {
        TestProblem problem = MoreGarbowHillstrom.problem(21, 1000);
        for (Minimizer method : List.of(new Lbfgs(10, HagerZhang.standard()), new NonlinearConjugateGradient(
                NonlinearConjugateGradient.Beta.POLAK_RIBIERE_PLUS, new HagerZhang(0.1, 0.1, 1e-6, 0.5, 0.66, 5, 60)))) {
            MinimizationResult r = method.minimize(Objective.of(problem.function()), problem.start(),
                    STOPPING.withGradientTolerance(1e-6));
            assertTrue(r.converged(), r::toString);
            assertTrue(r.x().sub(problem.minimizer().orElseThrow()).abs().max().item() <= 1e-6, r::toString);
        }
    }
}
