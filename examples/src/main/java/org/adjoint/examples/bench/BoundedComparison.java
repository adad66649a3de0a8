package org.adjoint.examples.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.adjoint.optim.minimize.bounded.BoundedProblem;
import org.adjoint.optim.minimize.bounded.BoundedResult;

/** The side-by-side table of {@link BoundedBenchmark}, and the reader of the SciPy script's results. */
final class BoundedComparison {

    /** Same solution: {@code |f − f_SciPy| ≤ SAME_F · max(1, |f_SciPy|)}. */
    static final double SAME_F = 1e-6;
    /** Same solution: {@code ‖x − x_SciPy‖∞ ≤ SAME_X · max(1, ‖x_SciPy‖∞)}. */
    static final double SAME_X = 1e-3;

    /**
     * One SciPy run.
     *
     * @param fun  f at the end
     * @param x    the point
     * @param nfev evaluations (each f and ∇f)
     */
    record Scipy(double fun, double[] x, int nfev, String status) {
    }

    private BoundedComparison() {
    }

    /** Problem index → SciPy's run; empty if the file does not exist. */
    static Map<Integer, Scipy> readScipy(Path file) throws IOException {
        Map<Integer, Scipy> runs = new HashMap<>();
        if (!Files.exists(file)) {
            return runs;
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.contains("\"problem\"")) {
                continue;
            }
            runs.put((int) number(line, "problem"), new Scipy(number(line, "fun"), array(line, "x"), (int) number(line, "nfev"),
                    string(line, "status")));
        }
        return runs;
    }

    /** The Markdown table and the summary below it. */
    static String table(List<BoundedProblem> problems, List<BoundedResult> adjoint, Map<Integer, Scipy> scipy) {
        StringBuilder s = new StringBuilder("| problem | n | f Adjoint | f SciPy | max |Δx| | active bounds (Adjoint) "
                + "| evaluations Adjoint | evaluations SciPy | same solution |\n| --- | ---: | ---: | ---: | ---: | --- | ---: | ---: | --- |\n");
        List<Integer> ours = new ArrayList<>();
        List<Integer> theirs = new ArrayList<>();
        int same = 0;
        for (int i = 0; i < problems.size(); i++) {
            BoundedProblem p = problems.get(i);
            BoundedResult r = adjoint.get(i);
            Scipy sp = scipy.get(i);
            int evaluations = r.result().evaluations().gradients();
            ours.add(evaluations);
            boolean agree = sp != null && sameSolution(r, sp);
            same += agree ? 1 : 0;
            if (sp != null) {
                theirs.add(sp.nfev());
            }
            s.append(String.format(Locale.ROOT, "| %s | %d | %.10g | %s | %s | %d | %d | %s | %s |%n", p.name(), p.problem().dimension(),
                    r.value(), sp == null ? "–" : String.format(Locale.ROOT, "%.10g", sp.fun()),
                    sp == null ? "–" : String.format(Locale.ROOT, "%.1e", maxDiff(r.x().toArray(), sp.x())),
                    r.activeSet().atLower().size() + r.activeSet().atUpper().size(), evaluations,
                    sp == null ? "–" : String.valueOf(sp.nfev()), sp == null ? "–" : agree ? "yes" : "**no**"));
        }
        s.append(String.format(Locale.ROOT, "%nSame solution (|Δf| ≤ %.0e·max(1, |f|), ‖Δx‖∞ ≤ %.0e·max(1, ‖x‖∞)): %d of %d. "
                + "Median evaluations: Adjoint %s, SciPy %s.%n", SAME_F, SAME_X, same, problems.size(), median(ours),
                theirs.isEmpty() ? "–" : median(theirs)));
        return s.toString();
    }

    private static boolean sameSolution(BoundedResult r, Scipy sp) {
        double scale = 1;
        for (double v : sp.x()) {
            scale = Math.max(scale, Math.abs(v));
        }
        return Math.abs(r.value() - sp.fun()) <= SAME_F * Math.max(1, Math.abs(sp.fun()))
                && maxDiff(r.x().toArray(), sp.x()) <= SAME_X * scale;
    }

    private static double maxDiff(double[] a, double[] b) {
        double d = 0;
        for (int i = 0; i < a.length; i++) {
            d = Math.max(d, Math.abs(a[i] - b[i]));
        }
        return d;
    }

    private static String median(List<Integer> values) {
        List<Integer> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        double m = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
        return m == Math.rint(m) ? String.valueOf((long) m) : String.valueOf(m);
    }

    private static double number(String line, String field) {
        Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*(-?[0-9.eE+-]+|NaN|-?Infinity)").matcher(line);
        if (!m.find()) {
            throw new IllegalArgumentException("SciPy results: no number \"" + field + "\" in " + line);
        }
        return Double.parseDouble(m.group(1));
    }

    private static double[] array(String line, String field) {
        Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*\\[([^\\]]*)\\]").matcher(line);
        if (!m.find()) {
            throw new IllegalArgumentException("SciPy results: no array \"" + field + "\" in " + line);
        }
        String[] parts = m.group(1).split(",");
        double[] values = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            values[i] = Double.parseDouble(parts[i].trim());
        }
        return values;
    }

    private static String string(String line, String field) {
        Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(line);
        if (!m.find()) {
            throw new IllegalArgumentException("SciPy results: no string \"" + field + "\" in " + line);
        }
        return m.group(1);
    }
}
