package org.adjoint.core.io;

import org.adjoint.core.Shape;
import org.adjoint.core.Tensor;

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

    /**
     * The tensor of {@code shape} whose elements are {@code bytes} as unsigned values / 255, built
     * without an intermediate array: a load holds the bytes and the tensor's doubles, nothing more.
     */
    static Tensor tensor(Shape shape, byte[] bytes) {
        return Tensor.generate(shape, i -> SCALED[bytes[i] & 0xFF]);
    }
}
