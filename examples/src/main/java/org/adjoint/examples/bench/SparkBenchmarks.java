package org.adjoint.examples.bench;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link SparkFitBenchmark} alone (it needs minutes and a 6 GB heap, so the main {@link Benchmarks}
 * run leaves it out unless {@code --only} names its methods) and prints the ratios: fit time
 * against MLlib's, Spark's overhead per pass against the same pass in one JVM, and the scaling from
 * {@code local[1]} to {@code local[2]}. Usage (see BENCHMARKS.md; run it on a quiet machine):
 * <pre>
 *   mvn -B -q -pl examples -am test-compile exec:java -Dexec.mainClass=org.adjoint.examples.bench.SparkBenchmarks [-Dexec.args="--rows=200000"]
 * </pre>
 */
public final class SparkBenchmarks {

    private SparkBenchmarks() {
    }

    /**
     * Runs the benchmark. Options: {@code --rows=N} (default 10⁶), {@code --partitions=P} (default 4),
     * {@code --master=local[2]} (default both local[2] and local[1]), {@code --only=REGEX} (the methods
     * to run, e.g. {@code sparkPass|localPass}; default all).
     */
    public static void main(String[] args) throws RunnerException, IOException {
        String rows = option(args, "rows", "1000000");
        String partitions = option(args, "partitions", "4");
        String master = option(args, "master", null);
        String only = option(args, "only", ".*");
        Path out = Path.of("examples", "target", "benchmarks");
        Files.createDirectories(out);
        exposeClassPathToForks();
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(SparkFitBenchmark.class.getName() + "\\.(" + only + ")$")
                .param("rows", rows)
                .param("partitions", partitions)
                .param("master", master == null ? new String[] {"local[2]", "local[1]"} : new String[] {master})
                .result(out.resolve("spark-jmh.json").toString())
                .resultFormat(ResultFormatType.JSON)
                .build()).run();
        Map<String, Double> ms = new HashMap<>();
        for (RunResult r : results) {
            String label = r.getParams().getBenchmark();
            ms.put(label.substring(label.lastIndexOf('.') + 1) + " " + r.getParams().getParam("master"),
                    r.getPrimaryResult().getScore());
        }
        String table = table(ms, rows, partitions);
        System.out.println(table);
        Files.writeString(out.resolve("spark-summary.md"), table);
    }

    private static String option(String[] args, String name, String fallback) {
        String prefix = "--" + name + "=";
        return List.of(args).stream().filter(a -> a.startsWith(prefix)).map(a -> a.substring(prefix.length()))
                .findFirst().orElse(fallback);
    }

    static String table(Map<String, Double> ms, String rows, String partitions) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "Logistic regression, %s rows × %d features, %s partitions; milliseconds (JMH means; NaN: not run).%n%n"
                        + "| master | Adjoint fit | MLlib fit | Adjoint ÷ MLlib | Spark pass | same pass, one JVM | "
                        + "Spark overhead ÷ one-JVM pass | empty pass |%n| --- | --- | --- | --- | --- | --- | --- | --- |%n",
                rows, SparkFitBenchmark.D, partitions));
        for (String master : new String[] {"local[1]", "local[2]"}) {
            double fit = ms.getOrDefault("adjointFit " + master, Double.NaN);
            double mllib = ms.getOrDefault("mllibFit " + master, Double.NaN);
            double spark = ms.getOrDefault("sparkPass " + master, Double.NaN);
            double local = ms.getOrDefault("localPass " + master, Double.NaN);
            s.append(String.format(Locale.ROOT, "| %s | %.0f | %.0f | %.2f | %.1f | %.1f | %.2f | %.1f |%n", master, fit,
                    mllib, fit / mllib, spark, local, (spark - local) / local,
                    ms.getOrDefault("sparkEmptyPass " + master, Double.NaN)));
        }
        s.append(String.format(Locale.ROOT, "%nScaling local[1] → local[2]: Spark pass %.2f×, Adjoint fit %.2f×.%n",
                ms.getOrDefault("sparkPass local[1]", Double.NaN) / ms.getOrDefault("sparkPass local[2]", Double.NaN),
                ms.getOrDefault("adjointFit local[1]", Double.NaN) / ms.getOrDefault("adjointFit local[2]", Double.NaN)));
        return s.toString();
    }

    /** As {@link Benchmarks}: JMH's forks need the class path that exec:java's class loader holds. */
    private static void exposeClassPathToForks() {
        if (SparkBenchmarks.class.getClassLoader() instanceof URLClassLoader loader) {
            List<String> entries = new ArrayList<>();
            for (URL url : loader.getURLs()) {
                entries.add(url.getPath());
            }
            System.setProperty("java.class.path", String.join(System.getProperty("path.separator"), entries));
        }
    }
}
