package org.adjoint.optim.minimize.problems;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;
import org.adjoint.core.Tensor;
import org.adjoint.optim.minimize.CountingObjective;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every problem of the collection: its size, its gradient by autodiff against central differences at
 * x₀, and f(x*) = f* where x* is known exactly. (Each problem's f(x₀) is also checked against an
 * independent transcription in SymPy by {@code scipy_minimize_benchmark.py}.)
 */
class MoreGarbowHillstromProblemsTest {

    static List<TestProblem> problems() {
        return MoreGarbowHillstrom.all();
    }

    @Test
    void theCollectionHoldsProblems1To18And21To35() {
        List<Integer> numbers = problems().stream().map(TestProblem::number).toList();
        List<Integer> expected = IntStream.concat(IntStream.rangeClosed(1, 18), IntStream.rangeClosed(21, 35)).boxed().toList();
        assertEquals(expected, numbers);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("problems")
    void theStartHasTheStatedDimensionAndAFiniteValue(TestProblem p) {
        assertEquals(1, p.start().rank());
        assertEquals(p.dimension(), p.start().size());
        assertTrue(p.name().contains("(" + p.number() + ")"), p.name());
        assertTrue(Double.isFinite(p.startValue()) && p.startValue() > p.fStar(), () -> p + ": f(x0) = " + p.startValue());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("problems")
    void theGradientAtTheStartMatchesCentralDifferences(TestProblem p) {
        CountingObjective f = p.objective();
        double[] x = p.start().toArray();
        double[] g = f.evaluate(p.start()).gradient().toArray();
        double scale = IntStream.range(0, g.length).mapToDouble(i -> Math.abs(g[i])).max().orElseThrow();
        for (int i = 0; i < x.length; i++) {
            // truncation error O(h²) is far below 1e-5 of the gradient; rounding is about m·ε·|f|/h
            double h = 1e-5 * Math.max(1, Math.abs(x[i]));
            double[] up = x.clone();
            double[] down = x.clone();
            up[i] += h;
            down[i] -= h;
            double difference = (f.value(Tensor.vector(up)) - f.value(Tensor.vector(down))) / (up[i] - down[i]);
            double tolerance = 1e-5 * scale + 1e-13 * Math.abs(p.startValue()) / h;
            int k = i;
            assertEquals(difference, g[i], tolerance, () -> p + ": ∂f/∂x" + (k + 1));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("problems")
    void theValueAtAKnownMinimizerIsFStar(TestProblem p) {
        if (p.minimizer().isPresent()) {
            double value = p.objective().value(p.minimizer().get());
            assertEquals(p.fStar(), value, 1e-12 * Math.max(1, Math.abs(p.fStar())), p::toString);
        }
    }

    @Test
    void theVariableDimensionProblemsTakeOtherSizes() {
        assertEquals(1000, MoreGarbowHillstrom.problem(21, 1000).dimension());
        assertEquals(2.24997e-5, MoreGarbowHillstrom.problem(23, 4).fStar());
        assertEquals(0, MoreGarbowHillstrom.problem(35, 9).fStar());
        assertEquals(0, MoreGarbowHillstrom.problem(30, 50).objective().value(Tensor.zeros(50)) - 50, 1e-12,
                "Broyden tridiagonal at 0: every residual is 1");
    }

    @Test
    void unknownProblemsAndSizesAreRefusedByName() {
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> MoreGarbowHillstrom.problem(19));
        assertEquals("MoreGarbowHillstrom: there is no problem 19 here; the problems are 1-18 and 21-35", none.getMessage());
        IllegalArgumentException odd = assertThrows(IllegalArgumentException.class, () -> MoreGarbowHillstrom.problem(21, 5));
        assertEquals("MoreGarbowHillstrom: extended Rosenbrock needs an even n, got n = 5", odd.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> MoreGarbowHillstrom.problem(23, 7));
        assertEquals("MoreGarbowHillstrom: Penalty I has no f* from the paper for n = 7; use n = 4 or 10", unknown.getMessage());
    }
}
