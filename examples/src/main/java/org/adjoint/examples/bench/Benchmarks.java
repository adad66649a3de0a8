package org.adjoint.examples.bench;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the benchmark suite with JMH, measures graph memory, runs the same workloads in PyTorch when it
 * is installed, and prints one comparison table, also written to {@code target/benchmarks/} as
 * Markdown, CSV and JMH's JSON. Usage (see BENCHMARKS.md):
 * <pre>
 *   mvn -B -q -pl examples -am test-compile exec:java -Dexec.mainClass=org.adjoint.examples.bench.Benchmarks [-Dexec.args="--quick --pure-java --only=REGEX --no-torch"]
 * </pre>
 */
public final class Benchmarks {

    /** Runs of the PyTorch script; each workload keeps its best (see {@link TorchComparison}). */
    private static final int TORCH_RUNS = 3;

    private Benchmarks() {
    }

    /**
     * Runs everything. {@code --quick} shortens warm-up and measurement for a smoke run;
     * {@code --pure-java} runs the forks without the Vector API module, so that the pure-Java kernels
     * are measured (what a JVM started without {@code --add-modules jdk.incubator.vector} uses);
     * {@code --only=REGEX} runs the benchmark methods whose names match (e.g.
     * {@code --only=hvp10000|gradient10000}); {@code --no-torch} skips the PyTorch comparison;
     * {@code --torch-only=REGEX} runs the PyTorch workloads whose keys match (e.g. {@code conv2d.*|lenet.*});
     * {@code --heap=SIZE} sets the forks' {@code -Xms} and {@code -Xmx} (default 2g, with
     * {@code -XX:+AlwaysPreTouch}; the Spark benchmark needs 6g); {@code --cnn-memory} adds the heap
     * retained per CNN training step ({@link GraphMemory#cnnStepReport()}). The Spark
     * benchmark ({@link SparkFitBenchmark}, minutes and a 6 GB heap) runs only when {@code --only} names its
     * methods; {@link SparkBenchmarks} runs it alone and prints its ratios.
     */
    public static void main(String[] args) throws RunnerException, IOException, InterruptedException {
        boolean quick = List.of(args).contains("--quick");
        boolean pureJava = List.of(args).contains("--pure-java");
        boolean noTorch = List.of(args).contains("--no-torch");
        String only = option(args, "--only=", ".*");
        String torchOnly = option(args, "--torch-only=", ".*");
        String heap = option(args, "--heap=", "2g");
        Path out = Path.of("examples", "target", "benchmarks");
        Files.createDirectories(out);
        exposeClassPathToForks();
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(Benchmarks.class.getPackageName() + "\\..*Benchmark\\.(" + only + ")")
                .exclude(only.equals(".*") ? SparkFitBenchmark.class.getSimpleName() : "^$")
                .result(out.resolve("adjoint-jmh.json").toString())
                .resultFormat(ResultFormatType.JSON)
                .jvmArgsAppend(pureJava ? "-Dadjoint.vector=false" : "--add-modules=jdk.incubator.vector",
                        "-Xms" + heap, "-Xmx" + heap, "-XX:+AlwaysPreTouch");
        if (quick) {
            options = options.warmupIterations(2).warmupTime(TimeValue.milliseconds(500)).measurementIterations(3)
                    .measurementTime(TimeValue.milliseconds(500));
        }
        Collection<RunResult> results = new Runner(options.build()).run();
        Map<String, Double> adjoint = new LinkedHashMap<>();
        Map<String, Double> errors = new LinkedHashMap<>();
        for (RunResult r : results) {
            adjoint.put(Comparison.key(r), Comparison.milliseconds(r));
            errors.put(Comparison.key(r), Comparison.errorMilliseconds(r));
        }
        double bytesPerNode = GraphMemory.bytesPerNode();
        String cnnMemory = List.of(args).contains("--cnn-memory") ? GraphMemory.cnnStepReport() + GraphMemory.convAloneReport() : "";
        int torchRuns = quick ? 1 : TORCH_RUNS;
        Map<String, Double> torch = noTorch ? Map.of() : TorchComparison.run(out, quick, torchRuns, torchOnly);
        String table = setting(pureJava) + (torch.isEmpty() ? "" : " PyTorch: the best of " + torchRuns
                + " runs of the script, each the median of its rounds.") + "\n\n" + Comparison.table(adjoint, errors, torch, bytesPerNode) + cnnMemory;
        System.out.println();
        System.out.println(table);
        Files.writeString(out.resolve("summary.md"), table);
        Files.writeString(out.resolve("summary.csv"), Comparison.csv(adjoint, torch));
        System.out.println("Written: " + out.resolve("summary.md") + ", " + out.resolve("summary.csv") + ", "
                + out.resolve("adjoint-jmh.json") + (torch.isEmpty() ? "" : ", " + out.resolve("torch-*.json")));
    }

    /** The value of {@code --name=value} among the arguments, or {@code fallback}. */
    private static String option(String[] args, String prefix, String fallback) {
        return List.of(args).stream().filter(a -> a.startsWith(prefix)).map(a -> a.substring(prefix.length()))
                .findFirst().orElse(fallback);
    }

    /** The machine and JVM the numbers come from, for the top of the table. */
    private static String setting(boolean pureJava) {
        Runtime runtime = Runtime.getRuntime();
        return String.format(Locale.ROOT, "Java %s (%s), %d processors, %s; Adjoint kernels: %s.",
                System.getProperty("java.version"), System.getProperty("java.vm.name"), runtime.availableProcessors(),
                System.getProperty("os.arch"), pureJava ? "pure Java" : "Vector API (--add-modules=jdk.incubator.vector)");
    }

    /**
     * JMH forks a JVM with {@code java.class.path}; under {@code exec:java} that property names only
     * Maven's own jars, so it is set from the class loader that loaded this class.
     */
    private static void exposeClassPathToForks() {
        if (Benchmarks.class.getClassLoader() instanceof URLClassLoader loader) {
            List<String> entries = new ArrayList<>();
            for (URL url : loader.getURLs()) {
                entries.add(url.getPath());
            }
            System.setProperty("java.class.path", String.join(System.getProperty("path.separator"), entries));
        }
    }
}
