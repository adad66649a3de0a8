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
            appendAxes(sb, t, "tensor(".length());
        }
        if (isElided(t.shape) || t.size() == 0) {
            sb.append(", shape=").append(t.shape);
        }
        return sb.append(')').toString();
    }

    /**
     * The nested brackets of a tensor of rank ≥ 1, walked with an explicit stack of positions (one
     * per axis) rather than one call per axis, so that no rank can overflow the Java stack. Along
     * each axis the visible items are its entries, or, for an axis longer than 2·{@link #EDGE_ITEMS},
     * the first and last {@link #EDGE_ITEMS} around an ellipsis.
     */
    private static void appendAxes(StringBuilder sb, Tensor t, int indent) {
        int rank = t.rank();
        int[] strides = t.shape.strides();
        int[] item = new int[rank];
        int[] offset = new int[rank];
        int axis = 0;
        sb.append('[');
        while (axis >= 0) {
            int n = t.shape.dim(axis);
            boolean elided = n > 2 * EDGE_ITEMS;
            int items = visibleItems(n);
            int k = item[axis]++;
            if (k == items) {
                sb.append(']');
                axis--;
                if (axis >= 0 && item[axis] < visibleItems(t.shape.dim(axis))) {
                    separator(sb, rank - axis - 1, indent + axis + 1);
                }
            } else if (elided && k == EDGE_ITEMS) {
                sb.append("...");
                separator(sb, rank - axis - 1, indent + axis + 1);
            } else {
                int i = elided && k > EDGE_ITEMS ? n - (items - k) : k;
                if (axis == rank - 1) {
                    sb.append(number(t.data[offset[axis] + i]));
                    if (k + 1 < items) {
                        separator(sb, 0, indent + axis + 1);
                    }
                } else {
                    offset[axis + 1] = offset[axis] + i * strides[axis];
                    item[++axis] = 0;
                    sb.append('[');
                }
            }
        }
    }

    private static int visibleItems(int n) {
        return n > 2 * EDGE_ITEMS ? 2 * EDGE_ITEMS + 1 : n;
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
