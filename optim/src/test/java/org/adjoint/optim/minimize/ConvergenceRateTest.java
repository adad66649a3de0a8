package org.adjoint.optim.minimize;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.adjoint.core.Tensor;
import org.adjoint.optim.minimize.gradient.SteepestDescent;
import org.adjoint.optim.minimize.newton.Newton;
import org.adjoint.optim.minimize.quasinewton.Bfgs;
import org.adjoint.optim.minimize.problems.MoreGarbowHillstrom;
import org.adjoint.optim.minimize.problems.TestProblem;
import org.junit.jupiter.api.Test;

/** The rates the theory promises, read off the trace of iterates on Rosenbrock's function. */
class ConvergenceRateTest {

    private static List<Double> errors(MinimizationResult r, Tensor minimum) {
        List<Double> errors = new ArrayList<>();
        for (Tensor x : r.trace()) {
            errors.add(x.sub(minimum).abs().max().item());
        }
        return errors;
    }

    /** Near the solution eₖ₊₁ ≤ C·eₖ²: the number of correct digits doubles each step. */
    @Test
    void newtonConvergesQuadratically() {
        TestProblem rosenbrock = MoreGarbowHillstrom.problem(1);
        MinimizationResult r = Newton.pure().minimize(Objective.of(rosenbrock.function()), rosenbrock.start(),
                Stopping.defaults().withGradientTolerance(0).withMaxIterations(7));
        List<Double> e = errors(r, rosenbrock.minimizer().orElseThrow());
        int checked = 0;
        for (int k = 0; k + 1 < e.size(); k++) {
            if (e.get(k) < 0.1 && e.get(k + 1) > 1e-15) {
                double constant = e.get(k + 1) / (e.get(k) * e.get(k));
                assertTrue(constant < 10, "e" + (k + 1) + " = " + e.get(k + 1) + " after e" + k + " = " + e.get(k));
                checked++;
            }
        }
        assertTrue(checked >= 2, "too few steps near the solution to judge: " + e);
    }

    /** eₖ₊₁ / eₖ → 0: the last ratios before rounding takes over are small and shrinking. */
    @Test
    void bfgsConvergesSuperlinearly() {
        TestProblem rosenbrock = MoreGarbowHillstrom.problem(1);
        MinimizationResult r = Bfgs.standard().minimize(Objective.of(rosenbrock.function()), rosenbrock.start(),
                Stopping.defaults().withGradientTolerance(1e-12));
        List<Double> e = errors(r, rosenbrock.minimizer().orElseThrow());
        List<Double> ratios = new ArrayList<>();
        for (int k = 0; k + 1 < e.size(); k++) {
            if (e.get(k) < 1e-2 && e.get(k + 1) > 1e-13) {
                ratios.add(e.get(k + 1) / e.get(k));
            }
        }
        assertTrue(ratios.size() >= 3, "too few steps near the solution: " + e);
        double last = ratios.get(ratios.size() - 1);
        assertTrue(last < 0.1, "the last error ratios " + ratios + " should fall towards 0");
        double worstOfLastThree = Math.max(ratios.get(ratios.size() - 3), Math.max(ratios.get(ratios.size() - 2), last));
        assertTrue(worstOfLastThree < 0.5, "ratios " + ratios);
    }

    /** Steepest descent, by contrast, is linear and slow: thousands of iterations where Newton needs a handful. */
    @Test
    void newtonNeedsFarFewerIterationsThanGradientDescent() {
        TestProblem rosenbrock = MoreGarbowHillstrom.problem(1);
        Stopping stopping = Stopping.defaults().withGradientTolerance(1e-6).withMaxIterations(100_000)
                .withMaxEvaluations(1_000_000);
        int newton = Newton.modified().minimize(Objective.of(rosenbrock.function()), rosenbrock.start(), stopping).iterations();
        int descent = SteepestDescent.withArmijo().minimize(Objective.of(rosenbrock.function()), rosenbrock.start(), stopping)
                .iterations();
        assertTrue(100 * newton < descent, "Newton " + newton + " iterations, steepest descent " + descent);
    }
}
