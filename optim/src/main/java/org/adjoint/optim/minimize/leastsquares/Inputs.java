package org.adjoint.optim.minimize.leastsquares;

import java.util.Objects;
import org.adjoint.core.Tensor;

/** Checks of user input shared by the solvers, with messages naming the operation and the value. */
final class Inputs {

    private Inputs() {
    }

    /** θ₀ as an array: a non-empty vector of finite numbers. */
    static double[] start(String op, Tensor theta0) {
        Objects.requireNonNull(theta0, "theta0");
        if (theta0.shape().rank() != 1 || theta0.shape().size() == 0) {
            throw new IllegalArgumentException(op + ": θ₀ must be a non-empty vector, got shape " + theta0.shape());
        }
        double[] x = theta0.toArray();
        for (int j = 0; j < x.length; j++) {
            if (!Double.isFinite(x[j])) {
                throw new IllegalArgumentException(op + ": θ₀[" + j + "] is " + x[j] + "; the start must be finite");
            }
        }
        return x;
    }

    /** Weights: each finite and ≥ 0. */
    static void weights(String op, double[] w) {
        Objects.requireNonNull(w, "weights");
        for (int i = 0; i < w.length; i++) {
            if (!(w[i] >= 0 && w[i] < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException(op + ": weight " + i + " is " + w[i] + "; weights must be finite and ≥ 0");
            }
        }
    }

    /** Refuses NaN or infinite elements of data array {@code name}, naming the row. */
    static void finite(String op, String name, double[] v) {
        Objects.requireNonNull(v, name);
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                throw new IllegalArgumentException(op + ": " + name + "[" + i + "] is " + v[i] + "; the data must be finite");
            }
        }
    }
}
