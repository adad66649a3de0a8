package org.adjoint.optim.minimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.testing.NullPointerTester;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.adjoint.autodiff.VarFunction;
import org.adjoint.core.Shape;
import org.adjoint.core.Tensor;
import org.adjoint.optim.minimize.baseline.RandomLocalSearch;
import org.adjoint.optim.minimize.baseline.RandomSearch;
import org.adjoint.optim.minimize.bounded.ActiveSet;
import org.adjoint.optim.minimize.bounded.BoundedMinimizer;
import org.adjoint.optim.minimize.bounded.BoundedProblem;
import org.adjoint.optim.minimize.bounded.BoundedProblems;
import org.adjoint.optim.minimize.bounded.BoundedResult;
import org.adjoint.optim.minimize.bounded.Bounds;
import org.adjoint.optim.minimize.bounded.LbfgsB;
import org.adjoint.optim.minimize.derivativefree.Bobyqa;
import org.adjoint.optim.minimize.derivativefree.CmaEs;
import org.adjoint.optim.minimize.derivativefree.NelderMead;
import org.adjoint.optim.minimize.derivativefree.Powell;
import org.adjoint.optim.minimize.gradient.NonlinearConjugateGradient;
import org.adjoint.optim.minimize.gradient.SteepestDescent;
import org.adjoint.optim.minimize.linesearch.Backtracking;
import org.adjoint.optim.minimize.linesearch.ExactLineSearch;
import org.adjoint.optim.minimize.linesearch.FullStep;
import org.adjoint.optim.minimize.linesearch.GridSearch;
import org.adjoint.optim.minimize.linesearch.HagerZhang;
import org.adjoint.optim.minimize.linesearch.LineFunction;
import org.adjoint.optim.minimize.linesearch.LinePoint;
import org.adjoint.optim.minimize.linesearch.LineSearch;
import org.adjoint.optim.minimize.linesearch.LineSearchResult;
import org.adjoint.optim.minimize.linesearch.LineSearchStatus;
import org.adjoint.optim.minimize.linesearch.MoreThuente;
import org.adjoint.optim.minimize.linesearch.StrongWolfe;
import org.adjoint.optim.minimize.newton.HessianModification;
import org.adjoint.optim.minimize.newton.Newton;
import org.adjoint.optim.minimize.newton.NewtonCg;
import org.adjoint.optim.minimize.newton.TrustRegionNewton;
import org.adjoint.optim.minimize.problems.MoreGarbowHillstrom;
import org.adjoint.optim.minimize.problems.TestProblem;
import org.adjoint.optim.minimize.quasinewton.Bfgs;
import org.adjoint.optim.minimize.quasinewton.Lbfgs;
import org.adjoint.testing.PublicApi;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, item 12: every public method and constructor of every public class in the exported
 * minimize packages ({@code org.adjoint.optim.minimize} and its {@code linesearch}, {@code gradient},
 * {@code newton}, {@code quasinewton}, {@code baseline}, {@code problems}, {@code bounded} and {@code derivativefree} packages; {@code internal}
 * is not exported) refuses {@code null} at the call with a {@link NullPointerException}.
 */
class MinimizeNullArgumentsTest {

    /** Rosenbrock, n = 2 (Moré, Garbow and Hillstrom's problem 1). */
    private static final TestProblem ROSENBROCK = MoreGarbowHillstrom.problem(1);

    /**
     * Parameters that may be null by their documentation, as the start of the entry point's
     * {@code toString} and the parameter's index: a trial point's gradient when only the value was
     * evaluated, and a line search result's step (null when the status accepts none) and best trial
     * (null when no trial was finite).
     */
    private static final Map<String, List<Integer>> NULLABLE = Map.of(
            "public org.adjoint.optim.minimize.linesearch.LinePoint(", List.of(3),
            "public org.adjoint.optim.minimize.linesearch.LineSearchResult(", List.of(2, 3));

    private static boolean documentedNullable(String failure) {
        return NULLABLE.entrySet().stream().anyMatch(e -> failure.startsWith(e.getKey())
                && e.getValue().stream().anyMatch(i -> failure.contains(") parameter " + i + ": ")));
    }

    /** An objective with only a value and a gradient, so that its Hessian methods are the interface's defaults. */
    private static Objective firstOrderOnly() {
        CountingObjective f = ROSENBROCK.objective();
        return new Objective() {
            @Override
            public double value(Tensor x) {
                return f.value(x);
            }

            @Override
            public Evaluation evaluate(Tensor x) {
                return f.evaluate(x);
            }
        };
    }

    private static Map<Class<?>, Object> samples() {
        Map<Class<?>, Object> samples = new HashMap<>();
        CountingObjective f = ROSENBROCK.objective();
        Tensor x = ROSENBROCK.start();
        Evaluation atX = f.evaluate(x);
        LineFunction phi = new LineFunction(f, x, atX.gradient().neg(), atX);
        samples.put(CountingObjective.class, f);
        samples.put(Objective.class, firstOrderOnly());
        samples.put(Evaluation.class, atX);
        samples.put(Evaluations.class, new Evaluations(1, 1, 0, 0));
        samples.put(CriticalPoint.class, CriticalPoint.classify(f, Tensor.vector(1, 1), 1e-6));
        samples.put(Stopping.class, Stopping.defaults());
        samples.put(Minimizer.class, SteepestDescent.withArmijo());
        samples.put(MinimizationResult.class, SteepestDescent.withArmijo().minimize(f, x,
                Stopping.defaults().withMaxIterations(2)));
        samples.put(LineFunction.class, phi);
        samples.put(LinePoint.class, phi.evaluate(1e-3));
        samples.put(LineSearchResult.class, LineSearch.armijo().search(phi, 1));
        samples.put(LineSearchResult.Trial.class, new LineSearchResult.Trial(1, 2, 3));
        samples.put(Backtracking.class, LineSearch.armijo());
        samples.put(StrongWolfe.class, LineSearch.strongWolfe());
        samples.put(MoreThuente.class, LineSearch.moreThuente());
        samples.put(ExactLineSearch.class, ExactLineSearch.standard());
        samples.put(FullStep.class, new FullStep());
        samples.put(GridSearch.class, GridSearch.powersOfTen(-3, 0));
        samples.put(HagerZhang.class, HagerZhang.standard());
        samples.put(SteepestDescent.class, SteepestDescent.withArmijo());
        samples.put(NonlinearConjugateGradient.class, NonlinearConjugateGradient.of(NonlinearConjugateGradient.Beta.values()[0]));
        samples.put(Newton.class, Newton.damped());
        samples.put(NewtonCg.class, NewtonCg.standard());
        samples.put(TrustRegionNewton.class, TrustRegionNewton.standard());
        samples.put(Bfgs.class, Bfgs.standard());
        samples.put(Lbfgs.class, Lbfgs.withMemory(5));
        samples.put(RandomSearch.class, new RandomSearch(1, 1));
        samples.put(NelderMead.class, NelderMead.standard());
        samples.put(Powell.class, Powell.standard());
        samples.put(Bobyqa.class, Bobyqa.unbounded());
        samples.put(CmaEs.class, CmaEs.seeded(1));
        samples.put(RandomLocalSearch.class, new RandomLocalSearch(0.1, 1));
        samples.put(TestProblem.class, ROSENBROCK);
        Bounds box = Bounds.box(2, -2, 0.5);
        samples.put(Bounds.class, box);
        samples.put(ActiveSet.class, box.activeSet(Tensor.vector(0.5, 0)));
        samples.put(LbfgsB.class, LbfgsB.standard());
        samples.put(BoundedProblem.class, BoundedProblems.all().get(0));
        samples.put(BoundedMinimizer.class, LbfgsB.standard());
        samples.put(BoundedResult.class, LbfgsB.standard().minimize(f, x, box, Stopping.defaults().withMaxIterations(2)));
        samples.put(StopReason.class, StopReason.GRADIENT_TOLERANCE);
        samples.put(LineSearchStatus.class, LineSearchStatus.values()[0]);
        samples.put(CriticalPoint.Kind.class, CriticalPoint.Kind.LOCAL_MINIMUM);
        samples.put(NonlinearConjugateGradient.Beta.class, NonlinearConjugateGradient.Beta.values()[0]);
        return samples;
    }

    private static NullPointerTester tester() {
        CountingObjective f = ROSENBROCK.objective();
        Tensor x = ROSENBROCK.start();
        Evaluation atX = f.evaluate(x);
        LineFunction phi = new LineFunction(f, x, atX.gradient().neg(), atX);
        return new NullPointerTester()
                .setDefault(Tensor.class, x)
                .setDefault(Shape.class, x.shape())
                .setDefault(String.class, "name")
                .setDefault(Objective.class, f)
                .setDefault(CountingObjective.class, f)
                .setDefault(VarFunction.class, ROSENBROCK.function())
                .setDefault(Evaluation.class, atX)
                .setDefault(Evaluations.class, new Evaluations(1, 1, 0, 0))
                .setDefault(Stopping.class, Stopping.defaults())
                .setDefault(StopReason.class, StopReason.GRADIENT_TOLERANCE)
                .setDefault(LineSearch.class, LineSearch.armijo())
                .setDefault(LineFunction.class, phi)
                .setDefault(LinePoint.class, phi.evaluate(1e-3))
                .setDefault(Bounds.class, Bounds.box(2, -2, 0.5))
                .setDefault(TestProblem.class, ROSENBROCK)
                .setDefault(ActiveSet.class, new ActiveSet(List.of(0), List.of()))
                .setDefault(MinimizationResult.class, SteepestDescent.withArmijo().minimize(f, x,
                        Stopping.defaults().withMaxIterations(1)))
                .setDefault(MoreThuente.class, MoreThuente.standard())
                .setDefault(HessianModification.class, HessianModification.none())
                .setDefault(double[].class, new double[] {1e-3, 1e-2});
    }

    @Test
    void everyPublicEntryPointOfTheMinimizePackagesRefusesNull() {
        List<Class<?>> classes = PublicApi.classes(Minimizer.class, "org.adjoint.optim.minimize",
                "org.adjoint.optim.minimize.linesearch", "org.adjoint.optim.minimize.gradient",
                "org.adjoint.optim.minimize.newton", "org.adjoint.optim.minimize.quasinewton",
                "org.adjoint.optim.minimize.baseline", "org.adjoint.optim.minimize.problems",
                "org.adjoint.optim.minimize.bounded", "org.adjoint.optim.minimize.derivativefree");
        assertTrue(classes.size() >= 30, classes::toString);
        List<String> failures = PublicApi.nullFailures(tester(), classes, samples(), Set.of());
        failures.removeIf(MinimizeNullArgumentsTest::documentedNullable);
        assertEquals("", String.join("\n", failures));
    }
}
