package org.adjoint.examples.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs {@code examples/src/main/python/torch_benchmarks.py} with Debian's {@code python3-torch}
 * ({@code /usr/bin/python3}) when it is installed, and reads its medians.
 */
final class TorchComparison {

    private static final Path SCRIPT = Path.of("examples", "src", "main", "python", "torch_benchmarks.py");
    private static final Pattern ENTRY = Pattern.compile("\"([a-z0-9_]+)\"\\s*:\\s*([0-9.eE+-]+)");

    private TorchComparison() {
    }

    /**
     * Workload key → milliseconds, or an empty map (with a note) when PyTorch is not available. The
     * script runs {@code runs} times in fresh processes and each workload keeps its best median:
     * {@code only} is a regular expression on the workload keys. PyTorch's timings vary from process to process far more than within one (OpenMP thread
     * placement), and the comparison should not profit from a slow run.
     */
    static Map<String, Double> run(Path directory, boolean quick, int runs, String only) throws IOException, InterruptedException {
        String python = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
        if (!available(python)) {
            System.out.println("PyTorch is not installed for " + python + "; to compare, install Debian's python3-torch"
                    + " (apt-get install python3-torch) and run again.");
            return Map.of();
        }
        Map<String, Double> best = new LinkedHashMap<>();
        for (int run = 1; run <= runs; run++) {
            Path output = directory.resolve("torch-" + run + ".json");
            ProcessBuilder pb = new ProcessBuilder(python, SCRIPT.toString(), "--output", output.toString(), "--only", only)
                    .inheritIO();
            if (quick) {
                pb.command().add("--quick");
            }
            int exit = pb.start().waitFor();
            if (exit != 0) {
                System.out.println("The PyTorch script failed with exit code " + exit + "; no comparison.");
                return Map.of();
            }
            Matcher m = ENTRY.matcher(Files.readString(output, StandardCharsets.UTF_8));
            while (m.find()) {
                best.merge(m.group(1), Double.parseDouble(m.group(2)), Math::min);
            }
        }
        return best;
    }

    private static boolean available(String python) throws InterruptedException {
        try {
            Process p = new ProcessBuilder(python, "-c", "import torch").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
