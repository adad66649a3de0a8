package org.adjoint.core;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;
import org.adjoint.verify.Gen;
import org.adjoint.verify.Property;
import org.junit.jupiter.api.Test;

/**
 * Finite differences on random quadratics {@code f(x) = ½xᵀAx + bᵀx} with A symmetric, whose
 * gradient {@code Ax + b} and Hessian {@code A} are known exactly. Centered differences have no
 * truncation error on a quadratic, so what remains is rounding in the evaluations of f, about
 * {@code EPS·F/h} for the gradient and {@code EPS·F/h²} for the Hessian, where F is the sum of the
 * magnitudes of f's terms. The tolerances are that times a safety factor.
 */
class FiniteDifferencesPropertyTest {

    /** A symmetric n×n matrix A, a vector b and a point x, all of realistic magnitude. */
    record Quadratic(double[][] a, double[] b, double[] x) {

        /** ½xᵀAx + bᵀx. */
        double valueAt(Tensor point) {
            double[] p = point.toArray();
            double value = 0;
            for (int i = 0; i < p.length; i++) {
                for (int j = 0; j < p.length; j++) {
                    value += 0.5 * p[i] * a[i][j] * p[j];
                }
                value += b[i] * p[i];
            }
            return value;
        }

        /** Σ|terms of f(x)|, the scale of the rounding error in evaluating f near x. */
        double magnitude() {
            double sum = 0;
            for (int i = 0; i < x.length; i++) {
                for (int j = 0; j < x.length; j++) {
                    sum += Math.abs(0.5 * x[i] * a[i][j] * x[j]);
                }
                sum += Math.abs(b[i] * x[i]);
            }
            return sum;
        }

        double gradient(int i) {
            double g = b[i];
            for (int j = 0; j < x.length; j++) {
                g += a[i][j] * x[j];
            }
            return g;
        }

        Tensor point() {
            return Tensor.vector(x);
        }

        @Override
        public String toString() {
            return "A = " + Arrays.deepToString(a) + ", b = " + Arrays.toString(b) + ", x = " + Arrays.toString(x);
        }
    }

    private static final Gen<Quadratic> QUADRATICS = Gen.integers(1, 6).flatMap(n -> source -> {
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                a[i][j] = CoreGens.ELEMENTS.generate(source);
                a[j][i] = a[i][j];
            }
        }
        double[] b = Gen.doubleArrays(CoreGens.ELEMENTS, n).generate(source);
        double[] x = Gen.doubleArrays(CoreGens.ELEMENTS, n).generate(source);
        return new Quadratic(a, b, x);
    });

    /** How many times the estimated rounding error a difference quotient may be off. */
    private static final double SAFETY = 20;

    @Test
    void gradientOfAQuadraticIsAxPlusB() {
        Property.forAll(QUADRATICS).check(q -> {
            ToDoubleFunction<Tensor> f = q::valueAt;
            double[] numeric = FiniteDifferences.gradient(f, q.point()).toArray();
            double h = FiniteDifferences.DEFAULT_STEP;
            double tolerance = SAFETY * TensorAssertions.EPS * (1 + q.magnitude()) / h;
            for (int i = 0; i < numeric.length; i++) {
                assertClose(q.gradient(i), numeric[i], tolerance, "∂f/∂x" + i);
            }
        });
    }

    @Test
    void hessianOfAQuadraticIsA() {
        Property.forAll(QUADRATICS).check(q -> {
            ToDoubleFunction<Tensor> f = q::valueAt;
            Tensor numeric = FiniteDifferences.hessian(f, q.point());
            double h = FiniteDifferences.DEFAULT_HESSIAN_STEP;
            double tolerance = SAFETY * TensorAssertions.EPS * (1 + q.magnitude()) / (h * h);
            int n = q.x().length;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    assertClose(q.a()[i][j], numeric.get(i, j), tolerance, "∂²f/∂x" + i + "∂x" + j);
                }
            }
        });
    }

    private static void assertClose(double expected, double actual, double tolerance, String what) {
        if (!(Math.abs(expected - actual) <= tolerance)) {
            fail(what + ": expected " + expected + " but was " + actual + " (difference " + Math.abs(expected - actual)
                    + ", tolerance " + tolerance + ")");
        }
    }
}
