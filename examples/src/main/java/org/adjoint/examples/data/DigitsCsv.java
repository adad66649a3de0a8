package org.adjoint.examples.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.adjoint.core.Shape;
import org.adjoint.core.Tensor;
import org.adjoint.core.io.MalformedFileException;
import org.adjoint.optim.train.LabeledData;

/**
 * scikit-learn's {@code digits.csv.gz}: no header, one 8×8 image a line as 64 integer pixels 0..16
 * and then the label 0..9.
 */
final class DigitsCsv {

    static final int PIXELS = 64;
    static final int MAX_PIXEL = 16;

    private DigitsCsv() {
    }

    /**
     * Every line of {@code csv}, pixels divided by 16; {@code where} names the source in messages.
     *
     * @throws MalformedFileException if a line is not 64 pixels 0..16 and a label 0..9, or there is no line
     */
    static LabeledData read(InputStream csv, String where) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(csv, StandardCharsets.US_ASCII));
        double[] pixels = new double[PIXELS * 2048];
        int[] labels = new int[2048];
        int n = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            if (line.isBlank()) {
                continue;
            }
            if (n == labels.length) {
                labels = Arrays.copyOf(labels, 2 * n);
                pixels = Arrays.copyOf(pixels, 2 * n * PIXELS);
            }
            String[] fields = line.split(",", -1);
            if (fields.length != PIXELS + 1) {
                throw new MalformedFileException(where + ": line " + (n + 1) + " has " + fields.length
                        + " fields; expected " + (PIXELS + 1) + " (64 pixels and a label)");
            }
            for (int j = 0; j < PIXELS; j++) {
                pixels[n * PIXELS + j] = integer(fields[j], MAX_PIXEL, where, n, j) / (double) MAX_PIXEL;
            }
            labels[n] = integer(fields[PIXELS], 9, where, n, PIXELS);
            n++;
        }
        if (n == 0) {
            throw new MalformedFileException(where + ": no data lines; expected lines of 64 pixels and a label");
        }
        return new LabeledData(Tensor.of(Shape.of(n, PIXELS), Arrays.copyOf(pixels, n * PIXELS)),
                Arrays.copyOf(labels, n));
    }

    private static int integer(String field, int max, String where, int row, int column) throws MalformedFileException {
        try {
            int value = Integer.parseInt(field.strip());
            if (value >= 0 && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below with the place and the allowed range
        }
        throw new MalformedFileException(where + ": line " + (row + 1) + ", field " + (column + 1) + " is '"
                + field + "'; expected an integer 0.." + max);
    }
}
