package org.adjoint.examples.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.adjoint.optim.minimize.Stopping;
import org.adjoint.optim.minimize.bounded.BoundedProblem;
import org.adjoint.optim.minimize.bounded.BoundedProblems;
import org.adjoint.optim.minimize.bounded.BoundedResult;
import org.adjoint.optim.minimize.bounded.LbfgsB;

/**
 * Adjoint's L-BFGS-B against SciPy 1.10's on the bounded problems ({@link BoundedProblems}), both with
 * SciPy's default options ({@link LbfgsB#scipyStopping()}, memory 10). Per problem: f and x from both,
 * whether they found the same solution ({@link BoundedComparison#SAME_F} and
 * {@link BoundedComparison#SAME_X}), and the evaluations (each one value and gradient) of both; then
 * the medians. Counts, not timings.
 *
 * <p>Writes to {@code examples/target/benchmarks/}: {@code bounded-problems.json} (each problem's
 * number, size, x₀, bounds, f* and f(x₀), which the SciPy script reads) and {@code bounded.md} (the
 * table). Reads {@code scipy-bounded.json} when it is there (written by
 * {@code examples/src/main/python/scipy_bounded_benchmark.py}). {@code --tight} runs both with
 * gtol 1e-10 and ftol 0 instead (files {@code *-tight.*}), which is how f* was found. Usage (see
 * BENCHMARKS.md):
 * <pre>
 *   mvn -B -q -pl examples -am compile exec:java -Dexec.mainClass=org.adjoint.examples.bench.BoundedBenchmark
 *   /usr/bin/python3 examples/src/main/python/scipy_bounded_benchmark.py
 *   mvn -B -q -pl examples -am compile exec:java -Dexec.mainClass=org.adjoint.examples.bench.BoundedBenchmark
 * </pre>
 */
public final class BoundedBenchmark {

    private static final Path OUT = Path.of("examples", "target", "benchmarks");

    private BoundedBenchmark() {
    }

    /** Runs the benchmark; {@code --tight} for the tight tolerances. */
    public static void main(String[] args) throws IOException {
        boolean tight = Arrays.asList(args).contains("--tight");
        Stopping stopping = tight ? LbfgsB.scipyStopping().withGradientTolerance(1e-10).withFunctionTolerance(0)
                : LbfgsB.scipyStopping();
        Files.createDirectories(OUT);
        List<BoundedProblem> problems = BoundedProblems.all();
        Files.writeString(OUT.resolve("bounded-problems.json"), problemsJson(problems), StandardCharsets.UTF_8);
        List<BoundedResult> adjoint = new ArrayList<>();
        for (BoundedProblem p : problems) {
            BoundedResult r = LbfgsB.standard().minimize(p.objective(), p.start(), p.bounds(), stopping);
            adjoint.add(r);
            System.err.printf(Locale.ROOT, "%s: f = %.17g, %d evaluations, %s%n", p.name(), r.value(),
                    r.result().evaluations().gradients(), r.result().reason());
        }
        String suffix = tight ? "-tight" : "";
        Map<Integer, BoundedComparison.Scipy> scipy = BoundedComparison.readScipy(OUT.resolve("scipy-bounded" + suffix + ".json"));
        String table = BoundedComparison.table(problems, adjoint, scipy);
        System.out.println(table);
        Files.writeString(OUT.resolve("bounded" + suffix + ".md"), table, StandardCharsets.UTF_8);
    }

    private static String problemsJson(List<BoundedProblem> problems) {
        return problems.stream().map(p -> String.format(Locale.ROOT,
                "{\"number\": %d, \"name\": \"%s\", \"n\": %d, \"x0\": %s, \"lower\": %s, \"upper\": %s, \"fStar\": %s, "
                        + "\"f0\": %s}", p.problem().number(), p.name(), p.problem().dimension(), array(p.start().toArray()),
                array(p.bounds().lower()), array(p.bounds().upper()), json(p.fStar()), json(p.problem().startValue())))
                .collect(Collectors.joining(",\n", "[\n", "\n]\n"));
    }

    private static String array(double[] values) {
        return Arrays.stream(values).mapToObj(BoundedBenchmark::json).collect(Collectors.joining(", ", "[", "]"));
    }

    /** A double as JSON as Python's json module reads it: infinities as Infinity, NaN as NaN. */
    private static String json(double v) {
        return Double.isNaN(v) ? "NaN" : Double.isInfinite(v) ? (v > 0 ? "Infinity" : "-Infinity") : String.valueOf(v);
    }
}
