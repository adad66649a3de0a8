package org.adjoint.optim.minimize.bounded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.adjoint.core.Tensor;
import org.adjoint.optim.minimize.StopReason;
import org.adjoint.optim.minimize.Stopping;
import org.adjoint.optim.minimize.problems.MoreGarbowHillstrom;
import org.adjoint.optim.minimize.linesearch.HagerZhang;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * L-BFGS-B on every bounded problem: every iterate inside the box, f* reached, the projected gradient
 * ~0 at the end (the first-order KKT conditions), some bound active, and the known solutions exactly.
 */
class BoundedProblemsTest {

    private static final Stopping TIGHT = LbfgsB.scipyStopping().withGradientTolerance(1e-9).withFunctionTolerance(0);

    static List<BoundedProblem> problems() {
        return BoundedProblems.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("problems")
    void lbfgsbReachesTheConstrainedMinimumWithEveryIterateInsideTheBox(BoundedProblem p) {
        BoundedResult r = LbfgsB.standard().minimize(p.objective(), p.start(), p.bounds(), TIGHT);
        LbfgsBTest.assertInside(p.bounds(), r.result());
        assertTrue(p.solvedBy(r.value(), 1e-9), () -> "f* = " + p.fStar() + ": " + r);
        // the end is a KKT point: converged, or stopped where rounding hides any further decrease of f
        assertTrue(r.converged() || r.result().reason() == StopReason.LINE_SEARCH_FAILED, r::toString);
        assertTrue(r.projectedGradientNorm() <= 1e-6, r::toString);
        assertFalse(r.activeSet().isEmpty(), () -> "no bound active at the solution: " + r);
        assertEquals(!p.bounds().contains(p.start()), r.startProjected());
        for (int i = 1; i < r.result().values().size(); i++) {
            assertTrue(r.result().values().get(i) <= r.result().values().get(i - 1), "f increased at iterate " + i);
        }
    }

    /**
     * Hager–Zhang is a capped search too: L-BFGS-B with it reaches the same constrained minima, every
     * iterate in the box (its steps may raise f by up to ε·|f|, so f need not decrease monotonically).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("problems")
    void lbfgsbWithHagerZhangReachesTheSameMinimaInsideTheBox(BoundedProblem p) {
        LbfgsB withHagerZhang = new LbfgsB(10, HagerZhang.standard());
        BoundedResult r = withHagerZhang.minimize(p.objective(), p.start(), p.bounds(), TIGHT);
        LbfgsBTest.assertInside(p.bounds(), r.result());
        assertTrue(p.solvedBy(r.value(), 1e-8), () -> "f* = " + p.fStar() + ": " + r);
        assertTrue(r.projectedGradientNorm() <= 1e-5, r::toString);
    }

    @Test
    void theKnownSolutionsAreFoundWithTheirActiveSets() {
        List<BoundedProblem> all = BoundedProblems.all();
        check(all.get(0), new double[] {0.5, 0.25}, List.of(), List.of(0));
        double[] rosenbrock = IntStream.range(0, 10).mapToDouble(i -> i % 2 == 0 ? 0.8 : 0.64).toArray();
        check(all.get(9), rosenbrock, List.of(), List.of(0, 2, 4, 6, 8));
        check(all.get(11), IntStream.range(0, 10).mapToDouble(i -> 0.95).toArray(), List.of(), range(10));
        check(all.get(15), IntStream.range(0, 10).mapToDouble(i -> -0.5).toArray(), range(10), List.of());
    }

    private static void check(BoundedProblem p, double[] x, List<Integer> atLower, List<Integer> atUpper) {
        BoundedResult r = LbfgsB.standard().minimize(p.objective(), p.start(), p.bounds(), TIGHT);
        double[] found = r.x().toArray();
        for (int i = 0; i < x.length; i++) {
            assertEquals(x[i], found[i], 1e-8, p.name() + ", x[" + i + "]");
        }
        assertEquals(atLower, r.activeSet().atLower(), p.name());
        assertEquals(atUpper, r.activeSet().atUpper(), p.name());
    }

    private static List<Integer> range(int n) {
        return new ArrayList<>(IntStream.range(0, n).boxed().toList());
    }

    @Test
    void boundsOfTheWrongSizeAreRefusedNamingTheProblem() {
        String m = assertThrows(IllegalArgumentException.class, () -> new BoundedProblem("p",
                MoreGarbowHillstrom.problem(1), Bounds.box(3, 0, 1), 0, "s")).getMessage();
        assertTrue(m.contains("3 variables") && m.contains("has 2"), m);
        assertTrue(BoundedProblems.all().get(0).solvedBy(0.25, 0));
        assertEquals(Tensor.vector(-1.2, 1), BoundedProblems.all().get(0).start());
    }
}
