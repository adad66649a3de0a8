package org.adjoint.core;

/** Elementwise comparisons of two tensors: {@link Tensor#allClose} and {@link Tensor#maxAbsDifference}. */
final class Comparison {

    private Comparison() {
    }

    static boolean allClose(Tensor a, Tensor other, double rtol, double atol) {
        if (!a.shape.equals(other.shape)) {
            return false;
        }
        for (int i = 0; i < a.data.length; i++) {
            if (!(Math.abs(a.data[i] - other.data[i]) <= atol + rtol * Math.abs(other.data[i]))) {
                return false;
            }
        }
        return true;
    }

    static double maxAbsDifference(Tensor a, Tensor other) {
        if (!a.shape.equals(other.shape)) {
            throw new IllegalArgumentException("maxAbsDifference: shapes " + a.shape + " and " + other.shape + " differ");
        }
        double worst = 0;
        for (int i = 0; i < a.data.length; i++) {
            double d = Math.abs(a.data[i] - other.data[i]);
            if (Double.isNaN(d)) {
                return d;
            }
            worst = Math.max(worst, d);
        }
        return worst;
    }
}
