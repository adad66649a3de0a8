package org.adjoint.examples.data;

/** Unsigned 8-bit pixels as doubles in [0, 1]: byte k becomes exactly {@code k / 255.0}. */
final class Pixels {

    private static final double[] SCALED = new double[256];

    static {
        for (int k = 0; k < 256; k++) {
            SCALED[k] = k / 255.0;
        }
    }

    private Pixels() {
    }

    /** {@code bytes[from, from + count)} as unsigned values / 255, written to {@code out[at, at + count)}. */
    static void scale(byte[] bytes, int from, int count, double[] out, int at) {
        for (int i = 0; i < count; i++) {
            out[at + i] = SCALED[bytes[from + i] & 0xFF];
        }
    }

    /** All of {@code bytes} as unsigned values / 255. */
    static double[] scale(byte[] bytes, int count) {
        double[] out = new double[count];
        scale(bytes, 0, count, out, 0);
        return out;
    }
}
