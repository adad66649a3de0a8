package org.adjoint.optim.checkpoint;

import java.nio.charset.StandardCharsets;
import org.adjoint.core.Shape;
import org.adjoint.core.Tensor;

/** Text stored in a checkpoint as a vector of its UTF-8 bytes (NumPy: {@code bytes(a.astype('u1')).decode()}). */
final class Text {

    private Text() {
    }

    /** {@code s} as a vector of bytes. */
    static Tensor encode(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        double[] values = new double[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            values[i] = bytes[i] & 0xFF;
        }
        return Tensor.of(Shape.of(values.length), values);
    }

    /** The text {@link #encode} wrote, or null if an element is not a byte. */
    static String decodeOrNull(Tensor t) {
        double[] values = t.toArray();
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            if (!(values[i] >= 0 && values[i] <= 255 && values[i] == Math.rint(values[i]))) {
                return null;
            }
            bytes[i] = (byte) values[i];
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
