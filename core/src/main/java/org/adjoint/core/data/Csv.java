package org.adjoint.core.data;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.adjoint.core.Shape;
import org.adjoint.core.Tensor;
import org.adjoint.core.io.MalformedFileException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a numeric CSV file (RFC 4180, parsed by Apache Commons CSV) into {@link Examples}: every
 * column a feature but the label column, which becomes the targets. A reader is an immutable
 * configuration: {@code Csv.withHeader().label("species").read(file)}.
 *
 * <p>Every value must be a finite decimal number ({@code 3}, {@code -0.5}, {@code 1e-3}); an empty
 * field, {@code NA}, {@code NaN}, {@code inf} or any other text is refused with a
 * {@link MalformedFileException} naming its line as an editor numbers it (1-based, the header
 * counted, blank lines counted) and its column (1-based, and its name when there is a header). So is
 * a row with a different number of fields from the first. Spaces around a value are ignored.
 */
public final class Csv {

    private static final Pattern NUMBER = Pattern.compile("[+-]?+(\\d++\\.?+\\d*+|\\.\\d++)([eE][+-]?+\\d++)?+");

    private final boolean header;
    private final String labelName;
    private final int labelIndex;
    private final char delimiter;

    private Csv(boolean header, String labelName, int labelIndex, char delimiter) {
        this.header = header;
        this.labelName = labelName;
        this.labelIndex = labelIndex;
        this.delimiter = delimiter;
    }

    /** A reader for files whose first line names the columns; the label is the last column until set. */
    public static Csv withHeader() {
        return new Csv(true, null, -1, ',');
    }

    /** A reader for files of data only; the label is the last column until set. */
    public static Csv withoutHeader() {
        return new Csv(false, null, -1, ',');
    }

    /** This reader with the label in the column named {@code name} (needs a header). */
    public Csv label(String name) {
        Objects.requireNonNull(name, "name");
        if (!header) {
            throw new IllegalArgumentException("Csv.label: a column named '" + name + "' needs a file with a header; use withHeader()");
        }
        return new Csv(header, name, -1, delimiter);
    }

    /** This reader with the label in column {@code index}, 0-based; negative counts from the end (-1 is the last). */
    public Csv label(int index) {
        return new Csv(header, null, index, delimiter);
    }

    /** This reader with fields separated by {@code c} instead of a comma. */
    public Csv delimiter(char c) {
        if (c == '"' || c == '\n' || c == '\r') {
            throw new IllegalArgumentException("Csv.delimiter: '" + c + "' cannot separate fields");
        }
        return new Csv(header, labelName, labelIndex, c);
    }

    /**
     * The file's examples, UTF-8.
     *
     * @throws FileSystemException if {@code file} is a folder
     * @throws MalformedFileException if a value is missing or not a number, a row's length differs, the
     *     label column does not exist, the text is not UTF-8 or not CSV (an unterminated quote), or
     *     there is no data row
     */
    public Examples read(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new FileSystemException(file.toString(), null, "a folder, not a CSV file");
        }
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in, file.toString());
        }
    }

    /**
     * The examples of CSV text read from {@code in}; {@code source} names it in messages.
     *
     * @throws MalformedFileException as {@link #read(Path)}
     */
    public Examples read(Reader in, String source) throws IOException {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(source, "source");
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreSurroundingSpaces(true)
                .setIgnoreEmptyLines(false).get();
        try (CSVParser parser = CSVParser.parse(in, format)) {
            return new Table(source).read(parser);
        } catch (UncheckedIOException e) {
            String what = e.getCause() instanceof CharacterCodingException ? "not valid UTF-8" : e.getCause().getMessage();
            throw new MalformedFileException(source + ": " + what, e);
        }
    }

    /** The rows of one file as they are read. */
    private final class Table {
        private final String source;
        private List<String> names;
        private int width = -1;
        private int label;
        private final List<double[]> rows = new ArrayList<>();

        Table(String source) {
            this.source = source;
        }

        Examples read(CSVParser parser) throws IOException {
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                long line = parser.getCurrentLineNumber() + 1;
                if (!records.hasNext()) {
                    break;
                }
                CSVRecord record = records.next();
                if (record.size() == 1 && record.get(0).isEmpty()) {
                    continue;
                }
                if (header && names == null) {
                    names = record.toList();
                    start(record.size(), line);
                } else {
                    if (width < 0) {
                        start(record.size(), line);
                    }
                    rows.add(values(record, line));
                }
            }
            if (rows.isEmpty()) {
                throw new MalformedFileException(source + ": no data rows");
            }
            return examples();
        }

        private void start(int columns, long line) throws MalformedFileException {
            width = columns;
            if (width < 2) {
                throw new MalformedFileException(source + ", line " + line + ": " + width
                        + " column; need at least a feature and a label");
            }
            if (labelName != null) {
                label = names.indexOf(labelName);
                if (label < 0) {
                    throw new MalformedFileException(source + ": no column named '" + labelName + "' in the header " + names);
                }
            } else {
                int index = labelIndex < 0 ? width + labelIndex : labelIndex;
                if (index < 0 || index >= width) {
                    throw new MalformedFileException(source + ": label column " + labelIndex + " does not exist in rows of "
                            + width + " columns");
                }
                label = index;
            }
        }

        private double[] values(CSVRecord record, long line) throws MalformedFileException {
            if (record.size() != width) {
                throw new MalformedFileException(source + ", line " + line + ": " + record.size() + " fields, but "
                        + (header ? "the header has " : "the first row has ") + width);
            }
            double[] values = new double[width];
            for (int c = 0; c < width; c++) {
                values[c] = number(record.get(c), line, c);
            }
            return values;
        }

        private double number(String field, long line, int column) throws MalformedFileException {
            if (NUMBER.matcher(field).matches()) {
                double v = Double.parseDouble(field);
                if (Double.isFinite(v)) {
                    return v;
                }
            }
            String what = field.isEmpty() ? "missing value" : "'" + abbreviate(field) + "' is not a finite number";
            throw new MalformedFileException(source + ", line " + line + ", column " + (column + 1)
                    + (names != null ? " ('" + abbreviate(names.get(column)) + "')" : "") + ": " + what);
        }

        private Examples examples() {
            int n = rows.size();
            double[] features = new double[n * (width - 1)];
            double[] targets = new double[n];
            for (int i = 0; i < n; i++) {
                double[] row = rows.get(i);
                targets[i] = row[label];
                System.arraycopy(row, 0, features, i * (width - 1), label);
                System.arraycopy(row, label + 1, features, i * (width - 1) + label, width - 1 - label);
            }
            return new Examples(Tensor.of(Shape.of(n, width - 1), features), Tensor.vector(targets));
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
