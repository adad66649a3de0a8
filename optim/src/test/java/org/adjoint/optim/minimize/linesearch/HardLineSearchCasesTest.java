package org.adjoint.optim.minimize.linesearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.adjoint.core.Tensor;
import org.adjoint.optim.minimize.CountingObjective;
import org.adjoint.optim.minimize.Evaluation;
import org.adjoint.optim.minimize.Objective;
import org.adjoint.optim.minimize.linesearch.HardLineCases.Case;
import org.adjoint.verify.Gen;
import org.adjoint.verify.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every line search with a step-choosing algorithm (Armijo backtracking, strong Wolfe, Moré–Thuente,
 * Moré–Thuente with a step bound, Hager–Zhang) on every line of {@link HardLineCases}. Whatever the
 * line, a search must: throw nothing; accept a step only where its own conditions hold, checked here
 * from φ and φ' recomputed independently (a fallback status only where that fallback's condition
 * holds); otherwise end with a typed failure whose best point is the lowest finite trial; and make
 * exactly as many evaluations, counted through the objective, as its trace records, never more than
 * its budget, and all of it when it reports the budget exhausted.
 */
class HardLineSearchCasesTest {

    private static final int BUDGET = 30;

    /** The conditions an accepted step must meet, on φ(0), φ'(0), α, φ(α) and φ'(α). */
    interface Conditions {
        boolean hold(double f0, double g0, double alpha, double f, double g);
    }

    /**
     * A search under test.
     *
     * @param prefix  how its messages start
     * @param c1      its sufficient-decrease constant, for the fallback statuses
     * @param maxStep the largest step it may return
     */
    record Search(String name, LineSearch search, int budget, String prefix, double c1, double maxStep, Conditions accepted) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Conditions armijo(double c1) {
        return (f0, g0, alpha, f, g) -> f <= f0 + c1 * alpha * g0;
    }

    static Conditions strongWolfe(double c1, double c2) {
        return (f0, g0, alpha, f, g) -> f <= f0 + c1 * alpha * g0 && Math.abs(g) <= -c2 * g0;
    }

    /** Hager and Zhang (2005): Wolfe (T1) or approximate Wolfe (T2), ε_k = ε·|φ(0)|. */
    static Conditions wolfeOrApproximateWolfe(double delta, double sigma, double epsilon) {
        return (f0, g0, alpha, f, g) -> g >= sigma * g0
                && (f - f0 <= delta * alpha * g0 || (f <= f0 + epsilon * Math.abs(f0) && g <= (2 * delta - 1) * g0));
    }

    static List<Search> searches() {
        return searches(BUDGET);
    }

    static List<Search> searches(int budget) {
        return List.of(
                new Search("Armijo", new Backtracking(1e-4, 0.5, budget), budget, "Armijo backtracking: ", 1e-4, Double.MAX_VALUE,
                        armijo(1e-4)),
                new Search("strong Wolfe, c2 = 0.9", new StrongWolfe(1e-4, 0.9, budget), budget, "strong Wolfe: ", 1e-4, 1e10,
                        strongWolfe(1e-4, 0.9)),
                new Search("strong Wolfe, c2 = 0.1", new StrongWolfe(1e-4, 0.1, budget), budget, "strong Wolfe: ", 1e-4, 1e10,
                        strongWolfe(1e-4, 0.1)),
                new Search("Moré–Thuente, c2 = 0.9", new MoreThuente(1e-4, 0.9, 1e-14, 1e10, budget), budget, "Moré–Thuente: ", 1e-4,
                        1e10, strongWolfe(1e-4, 0.9)),
                new Search("Moré–Thuente, c2 = 0.1, steps ≤ 0.4", new MoreThuente(1e-4, 0.1, 1e-14, 0.4, budget), budget,
                        "Moré–Thuente: ", 1e-4, 0.4, strongWolfe(1e-4, 0.1)),
                new Search("Hager–Zhang", new HagerZhang(0.1, 0.9, 1e-6, 0.5, 0.66, 5, budget), budget, "Hager–Zhang: ", 0.1, 1e10,
                        wolfeOrApproximateWolfe(0.1, 0.9, 1e-6)),
                new Search("Hager–Zhang, sigma = 0.1", new HagerZhang(0.1, 0.1, 1e-6, 0.5, 0.66, 5, budget), budget, "Hager–Zhang: ",
                        0.1, 1e10, wolfeOrApproximateWolfe(0.1, 0.1, 1e-6)));
    }

    static Stream<Arguments> runs() {
        List<Arguments> runs = new ArrayList<>();
        for (Search s : searches()) {
            for (Case c : HardLineCases.all()) {
                runs.add(Arguments.of(s, c));
            }
        }
        return runs.stream();
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("runs")
    void keepsTheContractOnAHardLine(Search search, Case line) {
        check(search, line.f(), line.x0(), line.d(), line.initialStep());
    }

    /**
     * The "counted against the minimizer's budget": on every hard line, a search given a line
     * with only 1, 2 or 5 evaluations left of a minimizer's budget makes at most that many, and keeps
     * every other promise.
     */
    @Test
    void aMinimizersRemainingBudgetCapsEverySearch() {
        for (Search search : searches()) {
            for (Case line : HardLineCases.all()) {
                for (int limit : new int[] {1, 2, 5}) {
                    check(search, line.f(), line.x0(), line.d(), line.initialStep(), limit);
                }
            }
        }
    }

    /**
     * On Moré and Thuente's six functions, from their four initial steps, every search without a step
     * bound finds a point meeting its own conditions within 60 evaluations (their paper needs at most
     * 13): a fallback status here is a weakness of the search, not of the line.
     */
    @Test
    void everySearchMeetsItsConditionsOnMoreAndThuentesFunctions() {
        for (Search search : searches(60)) {
            for (Case line : HardLineCases.all()) {
                if (search.maxStep() < 1e10 || !line.name().contains("(5.")) {
                    continue;
                }
                LineFunction phi = new LineFunction(line.f(), line.x0(), line.d(), line.f().evaluate(line.x0()));
                LineSearchResult r = search.search().search(phi, line.initialStep());
                assertEquals(LineSearchStatus.ACCEPTED, r.status(), () -> search + " on " + line + ": " + r.message());
            }
        }
    }

    /**
     * LineSearches.jl's "Flatness" regression (test/issues.jl, from issue #175 and PR #180): f = xᵀAx/2
     * with A = a·aᵀ of rank one, from x₀ = (a₂, −a₁) ⟂ a along d = −x₀/2, so φ is 0 in exact arithmetic
     * and only rounding makes φ'(0) look like descent.
     */
    @Test
    void roundingThatLooksLikeDescentOnARankOneQuadratic() {
        Property.forAll(Gen.doubles(-3, 3), Gen.doubles(-3, 3)).check((a1, a2) -> {
            Objective f = rankOneQuadratic(a1, a2);
            Tensor x0 = Tensor.vector(a2, -a1);
            Tensor d = x0.mul(-0.5);
            Evaluation e0 = f.evaluate(x0);
            double slope0 = e0.gradient().mul(d).sum().item();
            Property.assume(slope0 < -Math.ulp(Math.abs(e0.value())));
            for (Search search : searches()) {
                check(search, f, x0, d, 1);
            }
        });
    }

    /** xᵀ(A·x)/2 with A = a·aᵀ formed explicitly, in doubles, as LineSearches.jl's test does. */
    private static Objective rankOneQuadratic(double a1, double a2) {
        double[][] a = {{a1 * a1, a1 * a2}, {a2 * a1, a2 * a2}};
        return new Objective() {
            @Override
            public double value(Tensor x) {
                return evaluate(x).value();
            }

            @Override
            public Evaluation evaluate(Tensor x) {
                double[] v = x.toArray();
                double[] ax = {a[0][0] * v[0] + a[0][1] * v[1], a[1][0] * v[0] + a[1][1] * v[1]};
                return new Evaluation((v[0] * ax[0] + v[1] * ax[1]) / 2, Tensor.vector(ax));
            }
        };
    }

    private static void check(Search search, Objective f, Tensor x0, Tensor d, double initialStep) {
        check(search, f, x0, d, initialStep, Integer.MAX_VALUE);
    }

    /** The checks, on a line whose evaluation limit (what a minimizer has left) is {@code limit}. */
    private static void check(Search search, Objective f, Tensor x0, Tensor d, double initialStep, int limit) {
        CountingObjective counted = Objective.counting(f);
        Evaluation e0 = f.evaluate(x0);
        LineFunction phi = new LineFunction(counted, x0, d, e0, limit);
        LineSearchResult r = search.search().search(phi, initialStep);
        String context = search + " from α₀ = " + initialStep + " with at most " + limit + " evaluations: " + r.status() + ", "
                + r.message() + ", trials " + r.trials();
        int budget = Math.min(search.budget(), limit);
        assertEquals(r.evaluations(), counted.counts().total(), context);
        assertTrue(r.evaluations() <= budget, context);
        if (r.status() == LineSearchStatus.BUDGET_EXHAUSTED) {
            assertEquals(budget, counted.counts().total(), context);
        }
        assertTrue(r.message().startsWith(search.prefix()), context);
        for (LineSearchResult.Trial t : r.trials()) {
            assertEquals(f.value(x0.add(d.mul(t.alpha()))), t.value(), context);
        }
        if (r.succeeded()) {
            checkAccepted(search, f, x0, d, e0, r, context);
        } else {
            checkFailed(r, context);
        }
    }

    /** The accepted step meets the conditions of its status, on φ and φ' recomputed from f. */
    private static void checkAccepted(Search search, Objective f, Tensor x0, Tensor d, Evaluation e0, LineSearchResult r,
                                      String context) {
        LinePoint p = r.point();
        assertTrue(p.alpha() > 0 && p.alpha() <= search.maxStep(), context);
        Evaluation e = f.evaluate(x0.add(d.mul(p.alpha())));
        double g = e.gradient().mul(d).sum().item();
        double f0 = e0.value();
        double g0 = e0.gradient().mul(d).sum().item();
        assertEquals(e.value(), p.value(), context);
        assertTrue(Double.isFinite(e.value()) && Double.isFinite(g), context);
        switch (r.status()) {
            case ACCEPTED -> assertTrue(search.accepted().hold(f0, g0, p.alpha(), e.value(), g),
                    () -> "accepted where its conditions fail: φ(α) = " + e.value() + ", φ'(α) = " + g + "; " + context);
            case SUFFICIENT_DECREASE_ONLY -> assertTrue(e.value() < f0 && armijo(search.c1()).hold(f0, g0, p.alpha(), e.value(), g),
                    context);
            // as MINPACK-2's dcsrch at stpmax: sufficient decrease as computed (in doubles: with φ flat to
            // rounding it holds with φ(α) = φ(0)) and φ still decreasing
            case STEP_BOUND_REACHED -> assertTrue(armijo(search.c1()).hold(f0, g0, p.alpha(), e.value(), g) && g < 0, context);
            default -> throw new AssertionError("an accepting status not checked here: " + context);
        }
    }

    /** A failure carries the lowest finite trial as its best point (for UNBOUNDED, the trial that got there). */
    private static void checkFailed(LineSearchResult r, String context) {
        assertNull(r.point(), context);
        if (r.status() == LineSearchStatus.UNBOUNDED) {
            assertTrue(r.best().value() <= LineFunction.UNBOUNDED, context);
            return;
        }
        List<LineSearchResult.Trial> finite = r.trials().stream()
                .filter(t -> Double.isFinite(t.value()) && Double.isFinite(t.slope())).toList();
        if (!finite.isEmpty()) {
            assertNotNull(r.best(), context);
        }
        if (r.best() != null) {
            double best = r.best().value();
            assertTrue(r.best().isFinite() && r.trials().stream().anyMatch(t -> t.value() == best), context);
            assertTrue(finite.stream().allMatch(t -> best <= t.value()), context);
        }
        assertTrue(r.status() != LineSearchStatus.NO_FINITE_STEP || r.best() == null, context);
    }
}
