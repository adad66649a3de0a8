package org.adjoint.autodiff;

/**
 * The argument checks of the issue-21 losses in {@link Losses}: each names the loss and the values at
 * fault, and none lets a loss broadcast its operands behind the caller's back.
 */
final class LossChecks {

    private LossChecks() {
    }

    /** Refuses operands of different shapes, and operands with no elements (the mean of none is undefined). */
    static void sameShape(String loss, String first, Var a, String second, Var b) {
        if (!a.shape().equals(b.shape())) {
            throw new IllegalArgumentException(loss + ": the shape of the " + first + ", " + a.shape()
                    + ", differs from the shape of the " + second + ", " + b.shape() + "; losses do not broadcast:"
                    + " reshape one, or broadcast explicitly with broadcastTo");
        }
        if (a.shape().size() == 0) {
            throw new IllegalArgumentException(loss + ": the " + first + " (shape " + a.shape()
                    + ") has no elements; the mean over none is undefined");
        }
    }

    /** Refuses a parameter that is NaN, infinite or not above {@code low} (or below it, when {@code orEqual}). */
    static void finiteAbove(String loss, String name, double value, double low, boolean orEqual) {
        if (!Double.isFinite(value) || value < low || (!orEqual && value == low)) {
            throw new IllegalArgumentException(loss + ": " + name + " = " + value + " must be finite and "
                    + (orEqual ? "at least " : "above ") + low);
        }
    }

    /** Refuses class weights that are not one finite, non-negative weight per class. */
    static void classWeights(String loss, double[] weights, int[] shape, int classes) {
        if (shape.length != 1 || weights.length != classes) {
            throw new IllegalArgumentException(loss + ": the weights of shape " + java.util.Arrays.toString(shape)
                    + " must be a vector with one weight per class (" + classes + ")");
        }
        for (int c = 0; c < classes; c++) {
            if (!(weights[c] >= 0) || Double.isInfinite(weights[c])) {
                throw new IllegalArgumentException(loss + ": the weight " + weights[c] + " of class " + c
                        + " must be finite and non-negative");
            }
        }
    }

    /** The weight of each example's label; refuses labels whose weights sum to 0 (the weighted mean is 0/0). */
    static double[] labelWeights(String loss, double[] weights, int[] labels) {
        double[] picked = new double[labels.length];
        double total = 0;
        for (int i = 0; i < labels.length; i++) {
            picked[i] = weights[labels[i]];
            total += picked[i];
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException(loss + ": the weights of the labels sum to " + total
                    + "; the weighted mean is undefined");
        }
        return picked;
    }
}
