package org.adjoint.examples.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;

/**
 * One method's results on the test problems, Adjoint's or SciPy's: how many it solved, the median
 * evaluations over the problems it solved, and how many runs ended in each status.
 *
 * @param method   the method's name
 * @param total    the problems run
 * @param rows     one row per problem
 * @param statuses status → number of runs that ended with it
 */
record MinimizerSummary(String method, int total, List<Row> rows, Map<String, Integer> statuses) {

    /**
     * One run, in the counts SciPy reports.
     *
     * @param nfev function evaluations
     * @param njev gradient evaluations
     * @param nhev Hessian evaluations and Hessian-vector products
     */
    record Row(int problem, String status, double value, int nfev, int njev, int nhev, boolean solved) {
    }

    /** The summary of {@code rows}, all from {@code method}. */
    static MinimizerSummary of(String method, List<Row> rows) {
        Map<String, Integer> statuses = new TreeMap<>(rows.stream().collect(Collectors.groupingBy(Row::status,
                Collectors.summingInt(r -> 1))));
        return new MinimizerSummary(method, rows.size(), List.copyOf(rows), statuses);
    }

    /** The problems solved. */
    int solved() {
        return (int) rows.stream().filter(Row::solved).count();
    }

    /** The numbers of the problems solved. */
    Set<Integer> solvedProblems() {
        return rows.stream().filter(Row::solved).map(Row::problem).collect(Collectors.toSet());
    }

    /** The median of {@code count} over the solved problems, NaN if none was solved. */
    double median(ToIntFunction<Row> count) {
        return median(count, solvedProblems());
    }

    /** The median of {@code count} over the runs on {@code problems}, NaN if there are none. */
    double median(ToIntFunction<Row> count, Set<Integer> problems) {
        int[] values = rows.stream().filter(r -> problems.contains(r.problem())).mapToInt(count).sorted().toArray();
        if (values.length == 0) {
            return Double.NaN;
        }
        int mid = values.length / 2;
        return values.length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2.0;
    }

    /** The status counts as "STATUS n, STATUS n", most frequent first. */
    String statusList() {
        return statuses.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue())
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }

    /** Formats a median: an integer, one decimal for halves, "-" for NaN. */
    static String format(double median) {
        if (Double.isNaN(median)) {
            return "-";
        }
        return median == Math.rint(median) ? String.valueOf((long) median) : String.valueOf(median);
    }

    /** The problems in every one of {@code sets}. */
    @SafeVarargs
    static Set<Integer> common(Set<Integer>... sets) {
        return Arrays.stream(sets).reduce((a, b) -> a.stream().filter(b::contains).collect(Collectors.toSet()))
                .orElse(Set.of());
    }
}
