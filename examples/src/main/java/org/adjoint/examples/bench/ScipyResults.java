package org.adjoint.examples.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.adjoint.optim.minimize.problems.TestProblem;

/**
 * Reads what {@code examples/src/main/python/scipy_minimize_benchmark.py} writes: a JSON list with one
 * object per line and per run, {@code {"method": …, "problem": …, "fun": …, "nfev": …, "njev": …,
 * "nhev": …, "status": "…"}}. Whether a run solved its problem is decided here, with the same criterion
 * as Adjoint's runs.
 */
final class ScipyResults {

    private ScipyResults() {
    }

    /**
     * SciPy method → its summary, in the file's order; empty if the file does not exist.
     *
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException if a line names a problem not in {@code problems} or lacks a field
     */
    static Map<String, MinimizerSummary> read(Path file, Map<Integer, TestProblem> problems, double tau) throws IOException {
        Map<String, List<MinimizerSummary.Row>> rows = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return Map.of();
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.contains("\"method\"")) {
                continue;
            }
            int number = (int) number(line, "problem");
            TestProblem problem = problems.get(number);
            if (problem == null) {
                throw new IllegalArgumentException("SciPy results " + file + ": no problem " + number + " in " + line);
            }
            double fun = number(line, "fun");
            MinimizerSummary.Row row = new MinimizerSummary.Row(number, string(line, "status"), fun, (int) number(line, "nfev"),
                    (int) number(line, "njev"), (int) number(line, "nhev"), problem.solvedBy(fun, tau));
            rows.computeIfAbsent(string(line, "method"), k -> new ArrayList<>()).add(row);
        }
        Map<String, MinimizerSummary> summaries = new LinkedHashMap<>();
        rows.forEach((method, list) -> summaries.put(method, MinimizerSummary.of(method, list)));
        return summaries;
    }

    private static double number(String line, String field) {
        Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*(-?[0-9.eE+-]+|NaN|-?Infinity|null)").matcher(line);
        if (!m.find()) {
            throw new IllegalArgumentException("SciPy results: no number \"" + field + "\" in " + line);
        }
        String v = m.group(1);
        return v.equals("null") ? Double.NaN : Double.parseDouble(v);
    }

    private static String string(String line, String field) {
        Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(line);
        if (!m.find()) {
            throw new IllegalArgumentException("SciPy results: no string \"" + field + "\" in " + line);
        }
        return m.group(1);
    }
}
