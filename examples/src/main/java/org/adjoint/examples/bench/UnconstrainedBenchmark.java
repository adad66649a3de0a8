package org.adjoint.examples.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.adjoint.optim.minimize.problems.MoreGarbowHillstrom;
import org.adjoint.optim.minimize.problems.TestProblem;

/**
 * Every minimizer of optim on the Moré–Garbow–Hillstrom problems 1–18 and 21–35 (see
 * {@link MoreGarbowHillstrom}) from their standard starts, with one stopping rule
 * ({@link MinimizerRuns#STOPPING}). A run solves its problem when f − f* ≤ τ·max(1, |f*|), τ = 1e-7.
 * Per method: problems solved, the median function, gradient and Hessian(-vector) evaluations over
 * the problems it solved, and how many runs ended in each status. Counts, not timings.
 *
 * <p>Writes to {@code examples/target/benchmarks/}: {@code mgh-problems.json} (each problem's number,
 * size, x₀, f* and f(x₀), which the SciPy script reads), {@code adjoint-minimize.csv} (one row per run),
 * {@code adjoint-minimize.json} (the summaries) and {@code unconstrained.md} (the tables printed). When
 * {@code scipy-minimize.json} is there (written by
 * {@code examples/src/main/python/scipy_minimize_benchmark.py}), it also prints each method next to its
 * SciPy counterpart. Usage (see BENCHMARKS.md):
 * <pre>
 *   mvn -B -q -pl examples -am compile exec:java -Dexec.mainClass=org.adjoint.examples.bench.UnconstrainedBenchmark
 *   /usr/bin/python3 examples/src/main/python/scipy_minimize_benchmark.py
 *   mvn -B -q -pl examples -am compile exec:java -Dexec.mainClass=org.adjoint.examples.bench.UnconstrainedBenchmark
 * </pre>
 * {@code -Dexec.args="--only=BFGS"} runs the methods whose names contain the text.
 */
public final class UnconstrainedBenchmark {

    private static final Path OUT = Path.of("examples", "target", "benchmarks");

    private UnconstrainedBenchmark() {
    }

    /** Runs the benchmark; {@code --only=TEXT} keeps the methods whose names contain TEXT. */
    public static void main(String[] args) throws IOException {
        String only = Arrays.stream(args).filter(a -> a.startsWith("--only=")).map(a -> a.substring(7)).findFirst().orElse("");
        Files.createDirectories(OUT);
        List<TestProblem> problems = MoreGarbowHillstrom.all();
        Files.writeString(OUT.resolve("mgh-problems.json"), problemsJson(problems), StandardCharsets.UTF_8);
        List<MinimizerRuns.Outcome> outcomes = new ArrayList<>();
        Map<String, MinimizerSummary> adjoint = new LinkedHashMap<>();
        Map<String, String> counterparts = new LinkedHashMap<>();
        for (MinimizerRuns.Method method : MinimizerRuns.methods()) {
            if (!method.name().contains(only)) {
                continue;
            }
            List<MinimizerRuns.Outcome> runs = problems.stream().map(p -> MinimizerRuns.run(method, p)).toList();
            outcomes.addAll(runs);
            adjoint.put(method.name(), MinimizerSummary.of(method.name(), runs.stream().map(UnconstrainedBenchmark::row).toList()));
            counterparts.put(method.name(), method.scipy());
            System.err.println(method.name() + ": solved " + adjoint.get(method.name()).solved() + "/" + problems.size());
        }
        Files.writeString(OUT.resolve("adjoint-minimize.csv"), csv(outcomes), StandardCharsets.UTF_8);
        Files.writeString(OUT.resolve("adjoint-minimize.json"), summaryJson(adjoint), StandardCharsets.UTF_8);
        Map<Integer, TestProblem> byNumber = problems.stream().collect(Collectors.toMap(TestProblem::number, p -> p));
        Map<String, MinimizerSummary> scipy = ScipyResults.read(OUT.resolve("scipy-minimize.json"), byNumber, MinimizerRuns.TAU);
        String tables = BenchmarkTables.all(problems, adjoint, scipy, counterparts);
        System.out.println(tables);
        Files.writeString(OUT.resolve("unconstrained.md"), tables, StandardCharsets.UTF_8);
    }

    private static MinimizerSummary.Row row(MinimizerRuns.Outcome o) {
        return new MinimizerSummary.Row(o.problem().number(), o.status(), o.value(), o.functionEvaluations(),
                o.gradientEvaluations(), o.hessianEvaluations(), o.solved());
    }

    private static String problemsJson(List<TestProblem> problems) {
        return problems.stream().map(p -> String.format(Locale.ROOT,
                "{\"number\": %d, \"name\": \"%s\", \"n\": %d, \"x0\": %s, \"fStar\": %s, \"f0\": %s}", p.number(), p.name(),
                p.dimension(), Arrays.stream(p.start().toArray()).mapToObj(UnconstrainedBenchmark::json)
                        .collect(Collectors.joining(", ", "[", "]")), json(p.fStar()), json(p.startValue())))
                .collect(Collectors.joining(",\n", "[\n", "\n]\n"));
    }

    private static String csv(List<MinimizerRuns.Outcome> outcomes) {
        StringBuilder s = new StringBuilder("method,problem,name,n,status,solved,f,fStar,iterations,nfev,njev,nhev,message\n");
        for (MinimizerRuns.Outcome o : outcomes) {
            TestProblem p = o.problem();
            s.append(String.format(Locale.ROOT, "\"%s\",%d,\"%s\",%d,%s,%b,%s,%s,%d,%d,%d,%d,\"%s\"%n", o.method(), p.number(),
                    p.name(), p.dimension(), o.status(), o.solved(), json(o.value()), json(p.fStar()), o.iterations(),
                    o.functionEvaluations(), o.gradientEvaluations(), o.hessianEvaluations(),
                    String.valueOf(o.message()).replace('"', '\'').replace('\n', ' ')));
        }
        return s.toString();
    }

    private static String summaryJson(Map<String, MinimizerSummary> summaries) {
        return summaries.values().stream().map(s -> String.format(Locale.ROOT,
                "{\"method\": \"%s\", \"solved\": %d, \"total\": %d, \"medianNfev\": %s, \"medianNjev\": %s, "
                        + "\"medianNhev\": %s, \"statuses\": {%s}}", s.method(), s.solved(), s.total(),
                json(s.median(MinimizerSummary.Row::nfev)), json(s.median(MinimizerSummary.Row::njev)),
                json(s.median(MinimizerSummary.Row::nhev)), s.statuses().entrySet().stream()
                        .map(e -> "\"" + e.getKey() + "\": " + e.getValue()).collect(Collectors.joining(", "))))
                .collect(Collectors.joining(",\n", "[\n", "\n]\n"));
    }

    /** A double as JSON; NaN and infinities as null. */
    private static String json(double v) {
        return Double.isFinite(v) ? String.valueOf(v) : "null";
    }
}
