package org.adjoint.core.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The element types a {@code .npy} array may hold when read: every one becomes a double exactly,
 * except int64 and uint64 beyond 2<sup>53</sup>, which round to the nearest double. Written arrays
 * are always float64.
 */
enum NpyType {
    FLOAT64('f', 8), FLOAT32('f', 4), FLOAT16('f', 2),
    INT8('i', 1), INT16('i', 2), INT32('i', 4), INT64('i', 8),
    UINT8('u', 1), UINT16('u', 2), UINT32('u', 4), UINT64('u', 8),
    BOOL('b', 1),
    /** bfloat16, not a NumPy type: only safetensors files hold it. */
    BFLOAT16('B', 2);

    private final char kind;
    private final int size;

    NpyType(char kind, int size) {
        this.kind = kind;
        this.size = size;
    }

    /** Bytes per element. */
    int size() {
        return size;
    }

    /** The type of a NumPy kind letter and size, such as {@code 'f', 4}, or null if not supported. */
    static NpyType of(char kind, int size) {
        for (NpyType t : values()) {
            if (t != BFLOAT16 && t.kind == kind && t.size == size) {
                return t;
            }
        }
        return null;
    }

    /** The next element of {@code in} (whose order is set) as a double. */
    double read(ByteBuffer in) {
        return switch (this) {
            case FLOAT64 -> in.getDouble();
            case FLOAT32 -> in.getFloat();
            case FLOAT16 -> halfToDouble(in.getShort());
            case BFLOAT16 -> Float.intBitsToFloat(in.getShort() << 16);
            case INT8 -> in.get();
            case INT16 -> in.getShort();
            case INT32 -> in.getInt();
            case INT64 -> in.getLong();
            case UINT8, BOOL -> in.get() & 0xFF;
            case UINT16 -> in.getShort() & 0xFFFF;
            case UINT32 -> in.getInt() & 0xFFFFFFFFL;
            case UINT64 -> unsigned(in.getLong());
        };
    }

    /** Whether a decoded value is allowed: a bool must be 0 or 1. */
    boolean valid(double v) {
        return this != BOOL || v == 0 || v == 1;
    }

    /** Decodes {@code count} elements of {@code bytes} from {@code from} into {@code out[at…]}; -1, or the first invalid element's index. */
    int decode(byte[] bytes, int from, int count, ByteOrder order, double[] out, int at) {
        ByteBuffer in = ByteBuffer.wrap(bytes, from, count * size).order(order);
        for (int i = 0; i < count; i++) {
            double v = read(in);
            if (!valid(v)) {
                return at + i;
            }
            out[at + i] = v;
        }
        return -1;
    }

    private static double unsigned(long bits) {
        // Halve with the lost bit kept as a sticky bit, so the one rounding to double is correct.
        return bits >= 0 ? bits : ((bits >>> 1) | (bits & 1)) * 2.0;
    }

    /** IEEE 754 binary16 to double, exactly: subnormals, infinities and NaN included. */
    static double halfToDouble(short bits) {
        int sign = (bits & 0x8000) != 0 ? -1 : 1;
        int exponent = (bits >>> 10) & 0x1F;
        int mantissa = bits & 0x3FF;
        if (exponent == 0x1F) {
            return mantissa == 0 ? sign * Double.POSITIVE_INFINITY : Double.NaN;
        }
        if (exponent == 0) {
            return sign * Math.scalb((double) mantissa, -24);
        }
        return sign * Math.scalb((double) (mantissa | 0x400), exponent - 25);
    }
}
