package org.adjoint.examples.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.adjoint.optim.minimize.problems.TestProblem;

/** The Markdown tables of {@link UnconstrainedBenchmark}. */
final class BenchmarkTables {

    private BenchmarkTables() {
    }

    /** Adjoint's table, SciPy's when present, the side-by-side comparison, and the per-problem grid. */
    static String all(List<TestProblem> problems, Map<String, MinimizerSummary> adjoint, Map<String, MinimizerSummary> scipy,
                      Map<String, String> counterparts) {
        StringBuilder s = new StringBuilder();
        s.append("Solved: f - f* <= 1e-7 * max(1, |f*|); medians over the problems each method solved.\n\n");
        s.append("### Adjoint\n\n").append(summaries(adjoint));
        if (scipy.isEmpty()) {
            s.append("\n(no examples/target/benchmarks/scipy-minimize.json: run "
                    + "examples/src/main/python/scipy_minimize_benchmark.py for the SciPy columns)\n");
        } else {
            s.append("\n### SciPy minimize\n\n").append(summaries(scipy));
            s.append("\n### Side by side\n\n").append(sideBySide(adjoint, scipy, counterparts));
        }
        s.append("\n### Solved, per problem\n\n").append(grid(problems, adjoint, scipy));
        return s.toString();
    }

    private static String summaries(Map<String, MinimizerSummary> summaries) {
        StringBuilder s = new StringBuilder("| method | solved | median nfev | median njev | median nhev | statuses |\n"
                + "| --- | ---: | ---: | ---: | ---: | --- |\n");
        for (MinimizerSummary m : summaries.values()) {
            s.append(String.format(Locale.ROOT, "| %s | %d/%d | %s | %s | %s | %s |%n", m.method(), m.solved(), m.total(),
                    MinimizerSummary.format(m.median(MinimizerSummary.Row::nfev)),
                    MinimizerSummary.format(m.median(MinimizerSummary.Row::njev)),
                    MinimizerSummary.format(m.median(MinimizerSummary.Row::nhev)), m.statusList()));
        }
        return s.toString();
    }

    /**
     * Each Adjoint method with a SciPy counterpart: solved counts, medians over each one's solved
     * problems, medians over the problems both solved, and whether the target holds: at least as many
     * solved, and no more function or gradient evaluations at the median over the problems both solved.
     */
    private static String sideBySide(Map<String, MinimizerSummary> adjoint, Map<String, MinimizerSummary> scipy,
                                     Map<String, String> counterparts) {
        StringBuilder s = new StringBuilder("| Adjoint | SciPy | solved | median nfev | median njev | both solved "
                + "| nfev on both | njev on both | target |\n| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n");
        for (MinimizerSummary a : adjoint.values()) {
            MinimizerSummary p = scipy.get(counterparts.get(a.method()));
            if (p == null) {
                continue;
            }
            Set<Integer> both = MinimizerSummary.common(a.solvedProblems(), p.solvedProblems());
            double af = a.median(MinimizerSummary.Row::nfev, both);
            double pf = p.median(MinimizerSummary.Row::nfev, both);
            double ag = a.median(MinimizerSummary.Row::njev, both);
            double pg = p.median(MinimizerSummary.Row::njev, both);
            boolean met = a.solved() >= p.solved() && !(af > pf) && !(ag > pg);
            s.append(String.format(Locale.ROOT, "| %s | %s | %d / %d | %s / %s | %s / %s | %d | %s / %s | %s / %s | %s |%n",
                    a.method(), p.method(), a.solved(), p.solved(), f(a.median(MinimizerSummary.Row::nfev)),
                    f(p.median(MinimizerSummary.Row::nfev)), f(a.median(MinimizerSummary.Row::njev)),
                    f(p.median(MinimizerSummary.Row::njev)), both.size(), f(af), f(pf), f(ag), f(pg), met ? "met" : "MISSED"));
        }
        return s.toString();
    }

    private static String grid(List<TestProblem> problems, Map<String, MinimizerSummary> adjoint,
                               Map<String, MinimizerSummary> scipy) {
        StringBuilder s = new StringBuilder("| problem |");
        StringBuilder rule = new StringBuilder("| --- |");
        List<MinimizerSummary> columns = new ArrayList<>(adjoint.values());
        columns.addAll(scipy.values());
        for (MinimizerSummary m : columns) {
            s.append(' ').append(m.method()).append(m == scipy.get(m.method()) ? " (SciPy)" : "").append(" |");
            rule.append(" :---: |");
        }
        s.append('\n').append(rule).append('\n');
        for (TestProblem p : problems) {
            s.append("| ").append(p.name()).append(" |");
            for (MinimizerSummary m : columns) {
                s.append(' ').append(m.solvedProblems().contains(p.number()) ? "x" : ".").append(" |");
            }
            s.append('\n');
        }
        return s.toString();
    }

    private static String f(double median) {
        return MinimizerSummary.format(median);
    }
}
