package org.adjoint.examples.lessons;

import java.math.BigDecimal;
import java.math.MathContext;
import org.adjoint.core.Tensor;

/** Small numeric helpers of the lessons: printing a setting, the norm of a tensor. */
final class Numbers {

    private Numbers() {
    }

    /** {@code 0.2}, {@code 0.001}, {@code 1E-10}, {@code 42}: ten significant digits at most, no padding zeros. */
    static String show(double v) {
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        BigDecimal exact = new BigDecimal(v).round(new MathContext(10)).stripTrailingZeros();
        String plain = exact.toPlainString();
        return plain.length() <= 12 ? plain : exact.toString();
    }

    /** The Euclidean norm of a tensor's entries. */
    static double norm(Tensor t) {
        double s = 0;
        for (double v : t.toArray()) {
            s += v * v;
        }
        return Math.sqrt(s);
    }
}
