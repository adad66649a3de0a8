package org.adjoint.examples.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.adjoint.optim.minimize.MinimizationResult;
import org.adjoint.optim.minimize.Minimizer;
import org.adjoint.optim.minimize.Stopping;
import org.adjoint.optim.minimize.derivativefree.Bobyqa;
import org.adjoint.optim.minimize.derivativefree.CmaEs;
import org.adjoint.optim.minimize.derivativefree.NelderMead;
import org.adjoint.optim.minimize.derivativefree.Powell;
import org.adjoint.optim.minimize.gradient.NonlinearConjugateGradient;
import org.adjoint.optim.minimize.linesearch.HagerZhang;
import org.adjoint.optim.minimize.linesearch.MoreThuente;
import org.adjoint.optim.minimize.linesearch.StrongWolfe;
import org.adjoint.optim.minimize.problems.MoreGarbowHillstrom;
import org.adjoint.optim.minimize.problems.TestProblem;
import org.adjoint.optim.minimize.quasinewton.Bfgs;
import org.adjoint.optim.minimize.quasinewton.Lbfgs;

/**
 * BFGS, L-BFGS and CG with each Wolfe line search, and the derivative-free adapters, on seven
 * Moré–Garbow–Hillstrom problems: evaluations and f − f* per run, as a Markdown table (BENCHMARKS.md,
 * "Line searches and derivative-free methods"). Counts, not timings; deterministic (CMA-ES is seeded).
 *
 * <pre>mvn -B -q -pl examples -am test-compile exec:java -Dexec.mainClass=org.adjoint.examples.bench.LineSearchComparison</pre>
 */
public final class LineSearchComparison {

    private LineSearchComparison() {
    }

    /** Prints the table. */
    public static void main(String[] args) {
        Stopping stopping = Stopping.defaults().withMaxIterations(5000).withMaxEvaluations(100_000);
        List<TestProblem> problems = List.of(MoreGarbowHillstrom.problem(1), MoreGarbowHillstrom.problem(2),
                MoreGarbowHillstrom.problem(5), MoreGarbowHillstrom.problem(7), MoreGarbowHillstrom.problem(13),
                MoreGarbowHillstrom.problem(14), MoreGarbowHillstrom.problem(21, 10));
        StringBuilder table = new StringBuilder("| method |");
        problems.forEach(p -> table.append(' ').append(p.name()).append(" |"));
        table.append("\n| --- |").append(" --- |".repeat(problems.size())).append('\n');
        methods().forEach((name, method) -> {
            table.append("| ").append(name).append(" |");
            for (TestProblem p : problems) {
                MinimizationResult r = method.minimize(p.objective(), p.start(), stopping);
                table.append(String.format(" %d / %.1e%s |", r.evaluations().total(), r.value() - p.fStar(),
                        r.converged() ? "" : " " + r.reason()));
            }
            table.append('\n');
        });
        System.out.print(table);
    }

    private static Map<String, Minimizer> methods() {
        NonlinearConjugateGradient.Beta prPlus = NonlinearConjugateGradient.Beta.POLAK_RIBIERE_PLUS;
        Map<String, Minimizer> m = new LinkedHashMap<>();
        m.put("BFGS + strong Wolfe", new Bfgs(StrongWolfe.withCurvature(0.9)));
        m.put("BFGS + Moré–Thuente", new Bfgs(MoreThuente.standard()));
        m.put("BFGS + Hager–Zhang", new Bfgs(HagerZhang.standard()));
        m.put("L-BFGS(5) + strong Wolfe", new Lbfgs(5, StrongWolfe.withCurvature(0.9)));
        m.put("L-BFGS(5) + Moré–Thuente", new Lbfgs(5, MoreThuente.standard()));
        m.put("L-BFGS(5) + Hager–Zhang", new Lbfgs(5, HagerZhang.standard()));
        m.put("CG PR+ + strong Wolfe, c₂ = 0.1", new NonlinearConjugateGradient(prPlus, StrongWolfe.withCurvature(0.1)));
        m.put("CG PR+ + Moré–Thuente, c₂ = 0.1", new NonlinearConjugateGradient(prPlus, MoreThuente.withCurvature(0.1)));
        m.put("CG PR+ + Hager–Zhang, σ = 0.1", new NonlinearConjugateGradient(prPlus, new HagerZhang(0.1, 0.1, 1e-6, 0.5, 0.66, 5, 60)));
        m.put("CG PR+, default (Moré–Thuente, c₂ = 0.4)", NonlinearConjugateGradient.of(prPlus));
        m.put("Nelder–Mead (SciPy's defaults)", NelderMead.standard());
        m.put("Powell (SciPy's defaults)", Powell.standard());
        m.put("BOBYQA (ρ_end = 1e-8)", Bobyqa.unbounded());
        m.put("CMA-ES (seed 1, σ₀ = 0.5)", CmaEs.seeded(1));
        return m;
    }
}
