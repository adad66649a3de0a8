package org.adjoint.verify;

import org.adjoint.core.Shape;
import org.adjoint.core.Tensor;

/**
 * The matrix generators behind {@link TensorGens#wellConditioned} and {@link TensorGens#spd}:
 * {@code A = H₁ · diag(s) · H₂} with Householder reflections {@code H = I − 2vvᵀ/(vᵀv)}, which are
 * orthogonal, so the singular values of {@code A} are exactly the drawn {@code s} (up to rounding).
 * A zero {@code v} stands for the identity, so the simplest matrix (every choice 0) is the identity.
 */
final class Matrices {

    private Matrices() {
    }

    /** n × n with singular values in {@code [1, maxCondition]}; symmetric positive definite if {@code spd}. */
    static Gen<Tensor> conditioned(int maxN, double maxCondition, boolean spd) {
        Gen<Integer> sizes = Gen.integers(1, maxN);
        return sizes.flatMap(n -> source -> {
            double[] s = Gen.doubleArrays(Gen.doubles(1, maxCondition), n).generate(source);
            double[] left = Gen.doubleArrays(Gen.doubles(-1, 1), n).generate(source);
            double[] right = spd ? left : Gen.doubleArrays(Gen.doubles(-1, 1), n).generate(source);
            double[] a = reflectColumns(reflectRows(left, diagonal(s)), right, n);
            return Tensor.of(Shape.of(n, n), spd ? symmetrized(a, n) : a);
        });
    }

    private static double[] diagonal(double[] s) {
        int n = s.length;
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            a[i * n + i] = s[i];
        }
        return a;
    }

    /** {@code H(v) · a}, in place; the identity when {@code v = 0}. */
    private static double[] reflectRows(double[] v, double[] a) {
        int n = v.length;
        double vv = dot(v, v);
        if (vv == 0) {
            return a;
        }
        for (int col = 0; col < n; col++) {
            double vx = 0;
            for (int row = 0; row < n; row++) {
                vx += v[row] * a[row * n + col];
            }
            double scale = 2 * vx / vv;
            for (int row = 0; row < n; row++) {
                a[row * n + col] -= scale * v[row];
            }
        }
        return a;
    }

    /** {@code a · H(v)}, in place ({@code H} is symmetric); the identity when {@code v = 0}. */
    private static double[] reflectColumns(double[] a, double[] v, int n) {
        double vv = dot(v, v);
        if (vv == 0) {
            return a;
        }
        for (int row = 0; row < n; row++) {
            double xv = 0;
            for (int col = 0; col < n; col++) {
                xv += a[row * n + col] * v[col];
            }
            double scale = 2 * xv / vv;
            for (int col = 0; col < n; col++) {
                a[row * n + col] -= scale * v[col];
            }
        }
        return a;
    }

    /** {@code (a + aᵀ) / 2}: exactly symmetric, whatever the rounding of the products. */
    private static double[] symmetrized(double[] a, int n) {
        double[] out = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                out[i * n + j] = (a[i * n + j] + a[j * n + i]) / 2;
            }
        }
        return out;
    }

    private static double dot(double[] x, double[] y) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += x[i] * y[i];
        }
        return sum;
    }
}
