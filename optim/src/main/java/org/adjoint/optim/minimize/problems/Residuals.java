package org.adjoint.optim.minimize.problems;

import java.util.Arrays;
import org.adjoint.autodiff.Var;
import org.adjoint.core.Tensor;

/** Small helpers that write a least-squares test function as residual vectors. */
final class Residuals {

    private Residuals() {
    }

    /** Coordinate i (from 0) of x, as a vector of length 1. */
    static Var at(Var x, int i) {
        return x.slice(0, i, i + 1);
    }

    /** Σ rᵢ² over every element of every part. */
    static Var sumOfSquares(Var... parts) {
        Var[] flat = Arrays.stream(parts).map(p -> p.reshape(-1)).toArray(Var[]::new);
        return (flat.length == 1 ? flat[0] : Var.concat(0, flat)).square().sum();
    }

    /** A constant vector. */
    static Var constant(double... values) {
        return Var.constant(Tensor.vector(values));
    }

    /** The vector (from, from + 1, …, to), as doubles. */
    static double[] range(int from, int to) {
        double[] r = new double[to - from + 1];
        for (int i = 0; i < r.length; i++) {
            r[i] = from + i;
        }
        return r;
    }

    /** The vector with element i equal to {@code scale · values[i]}. */
    static double[] scaled(double[] values, double scale) {
        return Arrays.stream(values).map(v -> v * scale).toArray();
    }

    /** x shifted by one place: element i is x_{i−1} (0 for i = 0), the neighbour below. */
    static Var below(Var x) {
        int n = x.shape().dim(0);
        return x.pad(0, 1, 0).slice(0, 0, n);
    }

    /** x shifted by one place: element i is x_{i+1} (0 for the last), the neighbour above. */
    static Var above(Var x) {
        int n = x.shape().dim(0);
        return x.pad(0, 0, 1).slice(0, 1, n + 1);
    }
}
