package org.adjoint.nn;

import java.util.Locale;
import org.adjoint.nn.ConfusionMatrix.Average;

/** The text of {@link ConfusionMatrix#report}: the counts, then scikit-learn's classification report. */
final class ConfusionReport {

    private static final String ROW = "%12s %10s %10s %10s %10s%n";

    private ConfusionReport() {
    }

    static String format(ConfusionMatrix m) {
        StringBuilder out = new StringBuilder();
        counts(m, out);
        out.append('\n').append(String.format(Locale.ROOT, ROW, "", "precision", "recall", "f1-score", "support"));
        for (int c = 0; c < m.classes(); c++) {
            out.append(String.format(Locale.ROOT, ROW, c, fixed(m.precision(c)), fixed(m.recall(c)), fixed(m.f1(c)),
                    m.support(c)));
        }
        out.append('\n').append(String.format(Locale.ROOT, ROW, "accuracy", "", "", fixed(m.accuracy()), m.total()));
        averageRow(m, out, "macro avg", Average.MACRO);
        averageRow(m, out, "weighted avg", Average.WEIGHTED);
        return out.toString();
    }

    private static void averageRow(ConfusionMatrix m, StringBuilder out, String name, Average average) {
        out.append(String.format(Locale.ROOT, ROW, name, fixed(m.precision(average)), fixed(m.recall(average)),
                fixed(m.f1(average)), m.total()));
    }

    /** The counts, rows by true class and columns by predicted class, right-aligned. */
    private static void counts(ConfusionMatrix m, StringBuilder out) {
        long[][] rows = m.toArray();
        long largest = 0;
        for (long[] row : rows) {
            for (long v : row) {
                largest = Math.max(largest, v);
            }
        }
        int width = Math.max(Long.toString(largest).length(), Integer.toString(m.classes() - 1).length()) + 2;
        String cell = "%" + width + "s";
        out.append("true \\ predicted\n").append(String.format(Locale.ROOT, "%12s", ""));
        for (int j = 0; j < m.classes(); j++) {
            out.append(String.format(Locale.ROOT, cell, j));
        }
        out.append('\n');
        for (int i = 0; i < rows.length; i++) {
            out.append(String.format(Locale.ROOT, "%12s", i));
            for (long v : rows[i]) {
                out.append(String.format(Locale.ROOT, cell, v));
            }
            out.append('\n');
        }
    }

    private static String fixed(double x) {
        return String.format(Locale.ROOT, "%.4f", x);
    }
}
