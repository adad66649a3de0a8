package org.adjoint.optim.minimize.leastsquares.nist;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parser of NIST StRD nonlinear regression {@code .dat} files. The header's "File Format" block
 * gives the line ranges of the parameter table ("Starting Values (lines 41 to 42)") and of the data
 * ("Data (lines 61 to 74)"), 1-based; each parameter line reads
 * {@code b1 = start1 start2 certifiedValue certifiedDeviation}; the certified residual sum of squares
 * follows "Residual Sum of Squares:"; each data line holds y and then the predictors. Every error
 * names the file and the line.
 */
public final class NistFormat {

    private static final Pattern STARTS = Pattern.compile("Starting\\s+Values\\s+\\(lines\\s+(\\d+)\\s+to\\s+(\\d+)\\)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DATA = Pattern.compile("^\\s*Data\\s+\\(lines\\s+(\\d+)\\s+to\\s+(\\d+)\\)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PARAMETER = Pattern.compile("^\\s*b(\\d+)\\s*=\\s*(\\S+)\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)\\s*$");
    private static final Pattern RSS = Pattern.compile("^\\s*Residual Sum of Squares:\\s*(\\S+)\\s*$");

    private NistFormat() {
    }

    /**
     * Parses the lines of a {@code .dat} file.
     *
     * @param source where the lines come from, for messages (a path)
     * @param name   the dataset's name
     * @param lines  the file's lines
     * @throws IllegalArgumentException naming the source and the line when the file does not follow the format
     */
    public static NistDataset parse(String source, String name, List<String> lines) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(lines, "lines");
        int[] starts = range(source, lines, STARTS, "Starting Values (lines A to B)");
        int[] data = range(source, lines, DATA, "Data (lines A to B)");
        int n = starts[1] - starts[0] + 1;
        double[][] table = new double[4][n];
        for (int j = 0; j < n; j++) {
            parameterLine(source, lines, starts[0] + j, j, table);
        }
        double rss = rss(source, lines);
        double[][] columns = dataColumns(source, lines, data[0], data[1]);
        double[][] x = new double[columns.length - 1][];
        System.arraycopy(columns, 1, x, 0, x.length);
        return new NistDataset(name, table[0], table[1], table[2], table[3], rss, columns[0], x);
    }

    private static int[] range(String source, List<String> lines, Pattern pattern, String what) {
        for (String line : lines.subList(0, Math.min(lines.size(), 40))) {
            Matcher matcher = pattern.matcher(line);
            if (matcher.find()) {
                int[] r = {Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2))};
                if (r[0] < 1 || r[1] < r[0] || r[1] > lines.size()) {
                    throw new IllegalArgumentException(source + ": the header's line range " + r[0] + " to " + r[1]
                            + " for " + what + " does not fit a file of " + lines.size() + " lines");
                }
                return r;
            }
        }
        throw new IllegalArgumentException(source + ": no \"" + what + "\" in the header's first 40 lines");
    }

    private static void parameterLine(String source, List<String> lines, int lineNumber, int j, double[][] table) {
        Matcher matcher = PARAMETER.matcher(lines.get(lineNumber - 1));
        if (!matcher.matches() || Integer.parseInt(matcher.group(1)) != j + 1) {
            throw new IllegalArgumentException(source + ", line " + lineNumber + ": expected \"b" + (j + 1)
                    + " = start1 start2 value deviation\", found \"" + lines.get(lineNumber - 1).strip() + "\"");
        }
        for (int c = 0; c < 4; c++) {
            table[c][j] = number(source, lineNumber, matcher.group(c + 2));
        }
    }

    private static double rss(String source, List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            Matcher matcher = RSS.matcher(lines.get(i));
            if (matcher.matches()) {
                return number(source, i + 1, matcher.group(1));
            }
        }
        throw new IllegalArgumentException(source + ": no \"Residual Sum of Squares:\" line");
    }

    /** Columns of the data block: y first, then the predictors. */
    private static double[][] dataColumns(String source, List<String> lines, int first, int last) {
        List<double[]> rows = new ArrayList<>();
        for (int lineNumber = first; lineNumber <= last; lineNumber++) {
            String[] fields = lines.get(lineNumber - 1).strip().split("\\s+");
            if (fields.length < 2 || !rows.isEmpty() && fields.length != rows.get(0).length) {
                throw new IllegalArgumentException(source + ", line " + lineNumber + ": expected "
                        + (rows.isEmpty() ? "y and at least one predictor" : rows.get(0).length + " numbers")
                        + ", found \"" + lines.get(lineNumber - 1).strip() + "\"");
            }
            double[] row = new double[fields.length];
            for (int c = 0; c < fields.length; c++) {
                row[c] = number(source, lineNumber, fields[c]);
            }
            rows.add(row);
        }
        double[][] columns = new double[rows.get(0).length][rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            for (int c = 0; c < columns.length; c++) {
                columns[c][i] = rows.get(i)[c];
            }
        }
        return columns;
    }

    private static double number(String source, int lineNumber, String text) {
        try {
            double v = Double.parseDouble(text);
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(source + ", line " + lineNumber + ": \"" + text + "\" is not a finite number");
    }
}
