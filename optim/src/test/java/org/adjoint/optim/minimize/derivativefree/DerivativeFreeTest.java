package org.adjoint.optim.minimize.derivativefree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.adjoint.autodiff.Var;
import org.adjoint.autodiff.VarFunction;
import org.adjoint.core.Tensor;
import org.adjoint.optim.minimize.Evaluation;
import org.adjoint.optim.minimize.MinimizationResult;
import org.adjoint.optim.minimize.Minimizer;
import org.adjoint.optim.minimize.Objective;
import org.adjoint.optim.minimize.StopReason;
import org.adjoint.optim.minimize.Stopping;
import org.adjoint.optim.minimize.problems.MoreGarbowHillstrom;
import org.adjoint.optim.minimize.problems.TestProblem;
import org.adjoint.optim.minimize.quasinewton.Bfgs;
import org.adjoint.verify.Gen;
import org.adjoint.verify.Property;
import org.apache.commons.math3.exception.NumberIsTooSmallException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The derivative-free adapters: each reaches the minimum of Rosenbrock's function (MGH 1) and of a
 * convex quadratic, using values only; each stops on the evaluation and iteration budgets with the
 * right reason and exactly the budgeted evaluations; BOBYQA keeps every evaluation inside its bounds;
 * CMA-ES is reproducible from its seed; and bad settings or problems give exceptions naming the method
 * and the values.
 */
class DerivativeFreeTest {

    private static final Stopping STOPPING = Stopping.defaults().withMaxIterations(100_000).withMaxEvaluations(100_000);

    /** ½(x − x*)ᵀA(x − x*), n = 3, x* = (1, −2, 0.5). */
    private static final VarFunction QUADRATIC = x -> {
        Var e = x.sub(Var.constant(Tensor.vector(1, -2, 0.5)));
        return e.matmul(Var.constant(Tensor.matrix(new double[][] {{4, 1, 0}, {1, 3, 1}, {0, 1, 2}}))).mul(e).sum().mul(0.5);
    };

    /** Each method with the accuracy its default tolerances give on these problems, ‖x − x*‖∞. */
    static Stream<Arguments> methods() {
        return Stream.of(
                Arguments.of(NelderMead.standard(), 1e-3),
                Arguments.of(new Powell(1e-10, 1e-20), 1e-4),
                Arguments.of(Bobyqa.unbounded(), 1e-5),
                Arguments.of(CmaEs.seeded(42), 1e-5));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("methods")
    void solvesRosenbrockAndAQuadratic(Minimizer method, double accuracy) {
        TestProblem rosenbrock = MoreGarbowHillstrom.problem(1);
        check(method.minimize(Objective.of(rosenbrock.function()), rosenbrock.start(), STOPPING), Tensor.vector(1, 1), accuracy);
        check(method.minimize(Objective.of(QUADRATIC), Tensor.vector(3, 1, -1), STOPPING), Tensor.vector(1, -2, 0.5), accuracy);
    }

    private static void check(MinimizationResult r, Tensor minimum, double accuracy) {
        assertTrue(r.converged(), r::toString);
        assertTrue(r.x().sub(minimum).abs().max().item() <= accuracy, () -> r.x() + ": " + r);
        assertEquals(0, r.evaluations().gradients() + r.evaluations().hessians() + r.evaluations().hessianVectorProducts());
        assertEquals(r.iterations() + 1, r.evaluations().values(), r::toString);
        for (int i = 1; i < r.values().size(); i++) {
            assertTrue(r.values().get(i) < r.values().get(i - 1), r::toString);
        }
        assertEquals(r.values().get(r.values().size() - 1), r.value());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("methods")
    void stopsOnTheBudgetsWithExactlyTheBudgetedEvaluations(Minimizer method, double accuracy) {
        TestProblem rosenbrock = MoreGarbowHillstrom.problem(1);
        MinimizationResult r = method.minimize(Objective.of(rosenbrock.function()), rosenbrock.start(),
                STOPPING.withMaxEvaluations(40));
        assertEquals(StopReason.MAX_EVALUATIONS, r.reason(), r::toString);
        assertEquals(40, r.evaluations().total(), r::toString);
        assertEquals("reached the limit of 40 evaluations", r.message());
        assertTrue(r.value() < rosenbrock.startValue() && r.value() == r.values().stream().mapToDouble(v -> v).min().orElseThrow());
        MinimizationResult iterations = method.minimize(Objective.of(rosenbrock.function()), rosenbrock.start(),
                STOPPING.withMaxIterations(25));
        assertEquals(StopReason.MAX_ITERATIONS, iterations.reason(), iterations::toString);
        assertEquals(26, iterations.evaluations().total(), iterations::toString);
        assertEquals(25, iterations.iterations());
    }

    /**
     * For any evaluation budget B, a method makes at most B evaluations, exactly B when it reports
     * {@link StopReason#MAX_EVALUATIONS}, and returns the lowest f it met.
     */
    @Test
    void everyEvaluationBudgetIsHonouredExactly() {
        TestProblem rosenbrock = MoreGarbowHillstrom.problem(1);
        Gen<Minimizer> methods = Gen.elements(NelderMead.standard(), Powell.standard(), Bobyqa.unbounded(), CmaEs.seeded(9));
        Property.forAll(methods, Gen.integers(1, 400)).check((method, budget) -> {
            MinimizationResult r = method.minimize(rosenbrock.objective(), rosenbrock.start(), STOPPING.withMaxEvaluations(budget));
            int spent = r.evaluations().total();
            assertTrue(spent <= budget, r::toString);
            assertTrue(r.reason() != StopReason.MAX_EVALUATIONS || spent == budget, r::toString);
            assertTrue(r.reason() == StopReason.MAX_EVALUATIONS || r.converged(), r::toString);
            assertEquals(r.values().stream().mapToDouble(v -> v).min().orElseThrow(), r.value(), r::toString);
        });
    }

    /** Switching method is a one-line change: the same call with another Minimizer. */
    @Test
    void switchingMethodIsOneLine() {
        TestProblem rosenbrock = MoreGarbowHillstrom.problem(1);
        List<Minimizer> methods = List.of(Bfgs.standard(), NelderMead.standard(), Powell.standard(), Bobyqa.unbounded(),
                CmaEs.seeded(7));
        for (Minimizer m : methods) {
            MinimizationResult r = m.minimize(rosenbrock.objective(), rosenbrock.start(), STOPPING);
            assertTrue(r.converged() && r.value() < 1e-5, () -> m + ": " + r);
        }
    }

    /**
     * Rosenbrock within 0 ≤ x₀ ≤ 0.5, −1 ≤ x₁ ≤ 2: the minimum (0.5, 0.25) lies on the bound x₀ = 0.5,
     * and every point BOBYQA evaluates is inside the box.
     */
    @Test
    void bobyqaKeepsEveryEvaluationInsideTheBounds() {
        TestProblem rosenbrock = MoreGarbowHillstrom.problem(1);
        Objective f = Objective.of(rosenbrock.function());
        List<double[]> evaluated = new ArrayList<>();
        Objective recording = new Objective() {
            @Override
            public double value(Tensor x) {
                evaluated.add(x.toArray());
                return f.value(x);
            }

            @Override
            public Evaluation evaluate(Tensor x) {
                throw new AssertionError("BOBYQA asked for a gradient");
            }
        };
        double[] lower = {0, -1};
        double[] upper = {0.5, 2};
        MinimizationResult r = Bobyqa.within(lower, upper).minimize(recording, Tensor.vector(0.1, 1.5), STOPPING);
        assertTrue(r.converged(), r::toString);
        assertArrayEquals(new double[] {0.5, 0.25}, r.x().toArray(), 1e-6, r::toString);
        assertEquals(r.evaluations().total(), evaluated.size());
        for (double[] x : evaluated) {
            assertTrue(x[0] >= lower[0] && x[0] <= upper[0] && x[1] >= lower[1] && x[1] <= upper[1], () -> List.of(x[0], x[1]).toString());
        }
    }

    @Test
    void cmaEsIsReproducibleFromItsSeed() {
        TestProblem rosenbrock = MoreGarbowHillstrom.problem(1);
        Stopping budget = STOPPING.withMaxEvaluations(300);
        MinimizationResult a = CmaEs.seeded(5).minimize(rosenbrock.objective(), rosenbrock.start(), budget);
        MinimizationResult b = CmaEs.seeded(5).minimize(rosenbrock.objective(), rosenbrock.start(), budget);
        MinimizationResult c = CmaEs.seeded(6).minimize(rosenbrock.objective(), rosenbrock.start(), budget);
        assertEquals(a.trace(), b.trace());
        assertEquals(a.values(), b.values());
        assertNotEquals(a.values(), c.values());
    }

    @Test
    void theStoppingFunctionAndStepTolerancesAreUsed() {
        TestProblem rosenbrock = MoreGarbowHillstrom.problem(1);
        NelderMead exactSimplex = NelderMead.standard().withTolerances(0, 0);
        MinimizationResult f = exactSimplex.minimize(rosenbrock.objective(), rosenbrock.start(), STOPPING.withFunctionTolerance(1e-6));
        assertEquals(StopReason.FUNCTION_TOLERANCE, f.reason(), f::toString);
        MinimizationResult x = exactSimplex.minimize(rosenbrock.objective(), rosenbrock.start(), STOPPING.withStepTolerance(1e-6));
        assertEquals(StopReason.STEP_TOLERANCE, x.reason(), x::toString);
        assertTrue(x.message().contains("the step was"), x::message);
        MinimizationResult powell = new Powell(1e-15, 1e-300).minimize(rosenbrock.objective(), rosenbrock.start(),
                STOPPING.withFunctionTolerance(1e-3));
        assertEquals(StopReason.FUNCTION_TOLERANCE, powell.reason(), powell::toString);
        assertTrue(powell.message().startsWith("f changed by"), powell::message);
    }

    /**
     * f = Σx² outside the ball ‖x‖ < 0.5 and NaN inside: Nelder–Mead, Powell and CMA-ES take NaN for a
     * point worse than any and finish outside the ball; BOBYQA stops with NON_FINITE_VALUE. All keep
     * their best finite point.
     */
    @Test
    void aNaNValueIsTheWorstPointOrStopsBobyqa() {
        VarFunction poisoned = x -> {
            Var f = x.square().sum();
            return f.value().item() < 0.25 ? f.mul(Double.NaN) : f;
        };
        for (Minimizer m : List.of(NelderMead.standard(), Powell.standard(), Bobyqa.unbounded(), CmaEs.seeded(3))) {
            MinimizationResult r = m.minimize(Objective.of(poisoned), Tensor.vector(3, -4), STOPPING);
            if (m instanceof Bobyqa) {
                assertEquals(StopReason.NON_FINITE_VALUE, r.reason(), () -> m + ": " + r);
                assertTrue(r.message().startsWith("f = NaN at "), r::message);
            } else {
                assertTrue(r.converged(), () -> m + ": " + r);
            }
            assertTrue(Double.isFinite(r.value()) && r.value() >= 0.25 && r.value() < 25, () -> m + ": " + r);
        }
    }

    /** One variable: Nelder–Mead, Powell and CMA-ES work (BOBYQA refuses, below). */
    @Test
    void oneVariableIsEnoughExceptForBobyqa() {
        for (Minimizer m : List.of(NelderMead.standard(), Powell.standard(), CmaEs.seeded(2))) {
            MinimizationResult r = m.minimize(Objective.of(x -> x.sub(2).square().sum()), Tensor.vector(-1), STOPPING);
            assertTrue(r.converged() && Math.abs(r.x().item() - 2) <= 1e-3, () -> m + ": " + r);
        }
    }

    /** A problem commons-math refuses becomes an IllegalArgumentException naming the method, with the cause kept. */
    @Test
    void aRefusalByCommonsMathNamesTheMethod() {
        CommonsMathRun run = CommonsMathRun.of("Powell", CommonsMathRun.NonFinite.WORST, Objective.of(x -> x.square().sum()),
                Tensor.vector(1, 2), STOPPING);
        NumberIsTooSmallException refusal = new NumberIsTooSmallException(1, 2, true);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> run.afterStart(started ->
                started.finish(() -> {
                    throw refusal;
                }, StopReason.FUNCTION_TOLERANCE, "unused")));
        assertEquals("Powell: commons-math refused the problem: " + refusal.getMessage(), e.getMessage());
        assertEquals(refusal, e.getCause());
    }

    @Test
    void badSettingsAndProblemsNameTheMethodAndTheValues() {
        Objective bowl = Objective.of(x -> x.square().sum());
        IllegalArgumentException oneDimensional = assertThrows(IllegalArgumentException.class,
                () -> Bobyqa.unbounded().minimize(bowl, Tensor.vector(1)));
        assertEquals("BOBYQA: needs at least 2 variables, got 1 (use Powell or NelderMead in one dimension)",
                oneDimensional.getMessage());
        IllegalArgumentException crossed = assertThrows(IllegalArgumentException.class,
                () -> Bobyqa.within(new double[] {0, 2}, new double[] {1, 1}));
        assertEquals("BOBYQA: bound 1 has lower = 2.0 and upper = 1.0; need lower <= upper, neither NaN, lower < +∞ and"
                + " upper > −∞", crossed.getMessage());
        IllegalArgumentException outside = assertThrows(IllegalArgumentException.class,
                () -> Bobyqa.within(new double[] {0, 0}, new double[] {1, 1}).minimize(bowl, Tensor.vector(0.5, 3)));
        assertEquals("BOBYQA: the starting point is outside the bounds: x0[1] = 3.0 is not in [0.0, 1.0]", outside.getMessage());
        IllegalArgumentException sizes = assertThrows(IllegalArgumentException.class,
                () -> Bobyqa.within(new double[] {0, 0}, new double[] {1, 1}).minimize(bowl, Tensor.vector(0.5, 0.5, 0.5)));
        assertEquals("BOBYQA: 2 bounds for a starting point of 3 variables", sizes.getMessage());
        IllegalArgumentException fixed = assertThrows(IllegalArgumentException.class,
                () -> Bobyqa.within(new double[] {0, 1}, new double[] {1, 1}).minimize(bowl, Tensor.vector(0.5, 1)));
        assertTrue(fixed.getMessage().startsWith("BOBYQA: bound 1 fixes the variable"), fixed.getMessage());
        assertEquals("Powell: need a finite relativeTolerance >= 2^-51 and a finite positive absoluteTolerance, got 1.0E-20 and 1.0E-20",
                assertThrows(IllegalArgumentException.class, () -> new Powell(1e-20, 1e-20)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new CmaEs(0.5, 1, 1)).getMessage()
                .endsWith("got sigma = 0.5, populationSize = 1"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new NelderMead(0, 0.00025, 1e-4, 1e-4)).getMessage()
                .startsWith("NelderMead: need a positive finite initialSimplexScale"));
        assertEquals("NelderMead: the starting point tensor([1., NaN]) is not finite", assertThrows(IllegalArgumentException.class,
                () -> NelderMead.standard().minimize(bowl, Tensor.vector(1, Double.NaN))).getMessage());
    }
}
