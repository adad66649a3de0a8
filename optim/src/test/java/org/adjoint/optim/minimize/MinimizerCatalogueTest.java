package org.adjoint.optim.minimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.adjoint.optim.minimize.MinimizerCatalogue.Method;
import org.adjoint.optim.minimize.MinimizerCatalogue.Problem;
import org.adjoint.optim.minimize.MinimizerCatalogue.Search;
import org.adjoint.optim.minimize.linesearch.LineFunction;
import org.adjoint.optim.minimize.linesearch.LinePoint;
import org.adjoint.optim.minimize.linesearch.LineSearch;
import org.adjoint.optim.minimize.linesearch.LineSearchResult;
import org.adjoint.optim.minimize.linesearch.LineSearchStatus;
import org.adjoint.optim.minimize.newton.HessianModification;
import org.adjoint.optim.minimize.newton.Newton;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every minimizer and every line search of the library, found by walking the compiled classes of the
 * minimize packages, runs on {@link MinimizerCatalogue#problems()}, and its result must be consistent:
 * a stop reason and message, a trace whose values match f, evaluation counts that cover the trace and
 * use only the derivatives the method needs, f non-increasing where the method promises descent, and
 * the known minimum reached where it promises convergence.
 */
class MinimizerCatalogueTest {

    @Test
    void everyMinimizerAndLineSearchIsInTheCatalogue() throws IOException, URISyntaxException {
        Set<String> catalogued = new TreeSet<>();
        MinimizerCatalogue.minimizers().forEach(m -> catalogued.add(m.minimizer().getClass().getName()));
        MinimizerCatalogue.lineSearches().forEach(s -> catalogued.add(s.search().getClass().getName()));
        Set<String> declared = declaredImplementations();
        assertTrue(declared.size() >= 14, "found only " + declared + "; is the class scan broken?");
        Set<String> missing = new TreeSet<>(declared);
        missing.removeAll(catalogued);
        assertEquals(Set.of(), missing, "minimizers or line searches with no entry in MinimizerCatalogue");
    }

    static Stream<Arguments> minimizerRuns() {
        List<Arguments> runs = new ArrayList<>();
        for (Method m : MinimizerCatalogue.minimizers()) {
            for (Problem p : MinimizerCatalogue.problems()) {
                runs.add(Arguments.of(m, p));
            }
        }
        return runs.stream();
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("minimizerRuns")
    void minimizerResultsAreConsistent(Method method, Problem problem) {
        MinimizationResult r = method.minimizer().minimize(problem.objective(), problem.start(), method.stopping());
        assertNotNull(r.reason(), r::toString);
        assertTrue(r.message() != null && !r.message().isEmpty(), r::toString);
        checkTrace(method, problem, r);
        checkEvaluations(method, r);
        switch (method.guarantee()) {
            case CONVERGES_DESCENDING -> {
                checkDescent(r);
                checkMinimum(problem, r);
            }
            case CONVERGES -> checkMinimum(problem, r);
            case DESCENDS -> {
                checkDescent(r);
                checkBudgetSpent(r);
            }
            case KEEPS_BEST -> checkBudgetSpent(r);
        }
    }

    private static void checkTrace(Method method, Problem problem, MinimizationResult r) {
        assertEquals(r.trace().size(), r.values().size(), r::toString);
        assertEquals(problem.start(), r.trace().get(0));
        if (method.everyIterationMoves()) {
            assertEquals(r.iterations() + 1, r.trace().size(), r::toString);
        } else {
            assertTrue(r.trace().size() <= r.iterations() + 1, r::toString);
        }
        for (int i = 0; i < r.trace().size(); i += Math.max(1, r.trace().size() / 50)) {
            double f = problem.objective().value(r.trace().get(i));
            assertEquals(f, r.values().get(i), 1e-12 * Math.max(1, Math.abs(f)), "f at iterate " + i + " of " + r);
        }
        int at = r.trace().indexOf(r.x());
        assertTrue(at >= 0, "x* is an iterate of the trace: " + r);
        assertEquals(r.values().get(at), r.value(), 0.0);
        if (r.converged()) {
            assertEquals(r.trace().size() - 1, at, "a tolerance is met at the last iterate: " + r);
        } else {
            double lowest = r.values().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
            assertEquals(lowest, r.value(), 0.0, "a run that did not converge returns its best point: " + r);
        }
    }

    /** Every iterate was evaluated, and only with the derivatives the method needs. */
    private static void checkEvaluations(Method method, MinimizationResult r) {
        Evaluations e = r.evaluations();
        int points = r.trace().size();
        assertTrue(e.total() <= method.stopping().maxEvaluations() + 200, r::toString);
        switch (method.uses()) {
            case VALUES_ONLY -> {
                assertEquals(new Evaluations(e.values(), 0, 0, 0), e, r::toString);
                assertTrue(e.values() >= points && e.values() >= r.iterations(), r::toString);
            }
            case GRADIENTS -> {
                assertEquals(0, e.hessians() + e.hessianVectorProducts(), r::toString);
                assertTrue(e.gradients() >= points, r::toString);
            }
            case HESSIANS -> {
                assertEquals(0, e.hessianVectorProducts(), r::toString);
                assertTrue(e.gradients() >= points && e.hessians() >= r.iterations(), r::toString);
            }
            case HESSIAN_VECTOR_PRODUCTS -> {
                assertEquals(0, e.hessians(), r::toString);
                assertTrue(e.gradients() >= points && e.hessianVectorProducts() >= r.iterations(), r::toString);
            }
        }
    }

    private static void checkDescent(MinimizationResult r) {
        for (int i = 1; i < r.values().size(); i++) {
            assertTrue(r.values().get(i) <= r.values().get(i - 1), "f rose at iterate " + i + ": " + r);
        }
    }

    private static void checkMinimum(Problem problem, MinimizationResult r) {
        assertTrue(r.converged(), r::toString);
        assertTrue(r.value() - problem.value() <= 1e-10 * Math.max(1, Math.abs(problem.value())), r::toString);
        assertTrue(r.x().sub(problem.minimum()).abs().max().item() <= 1e-4, () -> r.x() + ": " + r);
    }

    private static void checkBudgetSpent(MinimizationResult r) {
        assertEquals(StopReason.MAX_ITERATIONS, r.reason(), r::toString);
        assertEquals(MinimizerCatalogue.BASELINE.maxIterations(), r.iterations());
        assertTrue(r.value() <= r.values().get(0), r::toString);
    }

    static Stream<Arguments> lineSearchRuns() {
        List<Arguments> runs = new ArrayList<>();
        for (Search s : MinimizerCatalogue.lineSearches()) {
            for (Problem p : MinimizerCatalogue.problems()) {
                runs.add(Arguments.of(s, p));
            }
        }
        return runs.stream();
    }

    /** One search along −∇f from the start: the accepted point is where it says, with the values it says. */
    @ParameterizedTest(name = "{0} along −∇f on {1}")
    @MethodSource("lineSearchRuns")
    void lineSearchResultsAreConsistent(Search search, Problem problem) {
        CountingObjective f = Objective.counting(problem.objective());
        Evaluation e0 = f.evaluate(problem.start());
        LineFunction phi = new LineFunction(f, problem.start(), e0.gradient().neg(), e0);
        LineSearchResult r = search.search().search(phi, 1);
        assertTrue(r.succeeded() && r.status() == LineSearchStatus.ACCEPTED, () -> search + ": " + r);
        LinePoint p = r.point();
        assertTrue(r.evaluations() >= 1 && f.counts().total() - 1 >= r.evaluations(), () -> r + ", " + f.counts());
        assertEquals(phi.point(p.alpha()), p.x());
        assertEquals(problem.objective().value(p.x()), p.value(), 1e-12 * Math.max(1, Math.abs(p.value())));
        if (p.gradient() != null) {
            assertEquals(p.gradient().mul(phi.direction()).sum().item(), p.slope(), 0.0);
        }
        if (search.decreases()) {
            assertTrue(p.alpha() > 0 && p.value() < phi.value0(), () -> p + " from " + phi.value0());
        }
    }

    /** Each search steers modified Newton to the minimum of every problem. */
    @ParameterizedTest(name = "modified Newton with {0} on {1}")
    @MethodSource("lineSearchRuns")
    void everyLineSearchDrivesAMinimizerToTheMinimum(Search search, Problem problem) {
        Minimizer newton = new Newton(HessianModification.addMultipleOfIdentity(1e-3), search.search());
        MinimizationResult r = newton.minimize(problem.objective(), problem.start(), MinimizerCatalogue.OTHERS);
        checkMinimum(problem, r);
        if (search.decreases()) {
            checkDescent(r);
        }
    }

    /** The concrete classes in the minimize packages (main code) that implement Minimizer or LineSearch. */
    private static Set<String> declaredImplementations() throws IOException, URISyntaxException {
        Path root = Path.of(Minimizer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path dir = root.resolve(Minimizer.class.getPackageName().replace('.', '/'));
        try (Stream<Path> files = Files.walk(dir)) {
            return files.map(root::relativize).map(Path::toString)
                    .filter(name -> name.endsWith(".class") && !name.endsWith("package-info.class"))
                    .map(name -> name.substring(0, name.length() - ".class".length()).replace('/', '.').replace('\\', '.'))
                    .map(MinimizerCatalogueTest::load)
                    .filter(type -> !type.isInterface() && !Modifier.isAbstract(type.getModifiers())
                            && !type.isAnonymousClass() && !type.isSynthetic())
                    .filter(type -> Minimizer.class.isAssignableFrom(type) || LineSearch.class.isAssignableFrom(type))
                    .map(Class::getName)
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, MinimizerCatalogueTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
