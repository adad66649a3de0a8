package org.adjoint.core;

import java.util.Locale;

/**
 * Renders a tensor the way NumPy and PyTorch print arrays: nested brackets, one row per line,
 * and an ellipsis in the middle of any axis longer than {@link #EDGE_ITEMS}{@code  * 2}.
 */
final class Format {

    /** How many leading and trailing entries of a long axis are shown. */
    static final int EDGE_ITEMS = 3;

    private Format() {
    }

    static String toString(Tensor t) {
        StringBuilder sb = new StringBuilder("tensor(");
        if (t.rank() == 0) {
            sb.append(number(t.data[0]));
        } else {
            appendAxis(sb, t, 0, 0, "tensor(".length());
        }
        if (isElided(t.shape) || t.size() == 0) {
            sb.append(", shape=").append(t.shape);
        }
        return sb.append(')').toString();
    }

    private static void appendAxis(StringBuilder sb, Tensor t, int axis, int offset, int indent) {
        int n = t.shape.dim(axis);
        int stride = t.shape.strides()[axis];
        sb.append('[');
        for (int i = 0; i < n; i++) {
            if (n > 2 * EDGE_ITEMS && i == EDGE_ITEMS) {
                sb.append("...");
                i = n - EDGE_ITEMS - 1;
                separator(sb, t.rank() - axis - 1, indent + 1);
                continue;
            }
            if (axis == t.rank() - 1) {
                sb.append(number(t.data[offset + i]));
            } else {
                appendAxis(sb, t, axis + 1, offset + i * stride, indent + 1);
            }
            if (i < n - 1) {
                separator(sb, t.rank() - axis - 1, indent + 1);
            }
        }
        sb.append(']');
    }

    private static void separator(StringBuilder sb, int innerAxes, int indent) {
        sb.append(',');
        if (innerAxes == 0) {
            sb.append(' ');
            return;
        }
        sb.append("\n".repeat(innerAxes)).append(" ".repeat(indent));
    }

    private static boolean isElided(Shape shape) {
        for (int d : shape.dims()) {
            if (d > 2 * EDGE_ITEMS) {
                return true;
            }
        }
        return false;
    }

    /** Integers without a fraction, other values with up to six significant digits. */
    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return (v == 0 && 1 / v < 0 ? "-" : "") + (long) v + ".";
        }
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.toString(v);
        }
        String s = String.format(Locale.ROOT, "%.6g", v);
        if (s.contains("e")) {
            return s.replaceFirst("\\.?0+e", "e");
        }
        return s.contains(".") ? s.replaceFirst("0+$", "") : s;
    }
}
