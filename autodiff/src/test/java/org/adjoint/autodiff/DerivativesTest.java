package org.adjoint.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.adjoint.core.FiniteDifferences;
import org.adjoint.core.Shape;
import org.adjoint.core.Tensor;
import org.junit.jupiter.api.Test;

class DerivativesTest {

    private static final double[] POINT = {-1.2, 1.0, 0.7, -0.4, 1.9};
    private static final Tensor X = Tensor.vector(POINT);

    @Test
    void rosenbrockGradientIsExact() {
        Derivatives.ValueAndGradient vg = Derivatives.valueAndGrad(TestFunctions::rosenbrock, X);
        assertTrue(vg.gradient().allClose(TestFunctions.rosenbrockGradient(POINT), 1e-14, 1e-12), vg.gradient()::toString);
        double f = 0;
        for (int i = 0; i < POINT.length - 1; i++) {
            f += 100 * Math.pow(POINT[i + 1] - POINT[i] * POINT[i], 2) + Math.pow(1 - POINT[i], 2);
        }
        assertEquals(f, vg.value(), 1e-12 * f);
    }

    @Test
    void rosenbrockHessianIsExactAndAgreesWithFiniteDifferences() {
        Tensor h = Derivatives.hessian(TestFunctions::rosenbrock, X);
        assertEquals(Shape.of(5, 5), h.shape());
        assertTrue(h.allClose(TestFunctions.rosenbrockHessian(POINT), 1e-14, 1e-11), h::toString);
        Tensor numeric = FiniteDifferences.jacobian(x -> Derivatives.grad(TestFunctions::rosenbrock, x), X);
        assertTrue(FiniteDifferences.relativeError(h, numeric) < 1e-6, numeric::toString);
    }

    @Test
    void rosenbrockHessianVectorProductMatchesTheHessian() {
        Tensor v = Tensor.vector(0.3, -1, 2, 0.5, -0.25);
        Tensor hv = Derivatives.hvp(TestFunctions::rosenbrock, X, v);
        Tensor expected = TestFunctions.rosenbrockHessian(POINT).matmul(v);
        assertTrue(hv.allClose(expected, 1e-13, 1e-10), hv::toString);
        Tensor numeric = FiniteDifferences.gradient(
                x -> Derivatives.directionalDerivative(TestFunctions::rosenbrock, x, v), X);
        assertTrue(FiniteDifferences.relativeError(hv, numeric) < 1e-6, numeric::toString);
    }

    @Test
    void twoLayerNetworkHessianAndHvpAgreeWithFiniteDifferences() {
        Tensor inputs = Tensor.randomNormal(11, 6, 4);
        int[] labels = {0, 2, 1, 1, 0, 2};
        for (boolean relu : new boolean[] {false, true}) {
            VarFunction loss = TestFunctions.twoLayerLoss(inputs, labels, 5, 3, relu);
            Tensor theta = Tensor.randomNormal(12, TestFunctions.twoLayerSize(4, 5, 3));
            Tensor h = Derivatives.hessian(loss, theta);
            Tensor numeric = FiniteDifferences.jacobian(t -> Derivatives.grad(loss, t), theta);
            double error = FiniteDifferences.relativeError(h, numeric.add(numeric.transpose()).mul(0.5));
            assertTrue(h.maxAbsDifference(numeric) < 1e-8, "relu=" + relu + ", max abs diff " + h.maxAbsDifference(numeric)
                    + ", relative " + error);
            assertTrue(h.allClose(h.transpose(), 0, 1e-14), "the Hessian is symmetric");
            Tensor v = Tensor.randomNormal(13, theta.size());
            Tensor hv = Derivatives.hvp(loss, theta, v);
            assertTrue(hv.allClose(h.matmul(v), 1e-10, 1e-12), hv::toString);
            assertTrue(GradCheck.defaults().hessian(loss, theta).passed());
        }
    }

    @Test
    void jacobianHasOutputShapeThenInputShape() {
        // f(x) = [x0·x1, sin x2] from a 3-vector: J = [[x1, x0, 0], [0, 0, cos x2]].
        Tensor x = Tensor.vector(2, 3, 0.5);
        Tensor j = Derivatives.jacobian(v -> Var.concat(0, v.slice(0, 0, 1).mul(v.slice(0, 1, 2)),
                v.slice(0, 2, 3).sin()), x);
        assertEquals(Shape.of(2, 3), j.shape());
        assertTrue(j.allClose(Tensor.matrix(new double[][] {{3, 2, 0}, {0, 0, Math.cos(0.5)}}), 1e-15, 1e-15), j::toString);
    }

    @Test
    void jacobianOfAMatrixFunctionKeepsBothShapes() {
        Tensor x = Tensor.randomNormal(1, 2, 3);
        Tensor j = Derivatives.jacobian(v -> v.tanh().sum(0), x);
        assertEquals(Shape.of(3, 2, 3), j.shape());
        Tensor numeric = FiniteDifferences.jacobian(t -> t.tanh().sum(0), x);
        assertTrue(FiniteDifferences.relativeError(j, numeric) < 1e-8);
    }

    @Test
    void derivativesOfFunctionsThatIgnoreOrAreLinearInTheirInput() {
        Tensor x = Tensor.vector(1, 2);
        assertEquals(Tensor.zeros(2), Derivatives.grad(v -> Var.constant(3), x));
        assertEquals(Tensor.zeros(2, 2), Derivatives.hessian(v -> v.mul(2).sum(), x));
        assertEquals(Tensor.zeros(2), Derivatives.hvp(v -> v.sum(), x, Tensor.vector(1, 1)));
        assertEquals(Tensor.identity(2), Derivatives.jacobian(v -> v, x));
        assertEquals(Tensor.zeros(1, 2), Derivatives.jacobian(v -> Var.constant(Tensor.vector(4)), x));
    }

    @Test
    void directionalDerivativeIsTheGradientAlongTheDirection() {
        Tensor v = Tensor.vector(1, 0, 0, 0, 0);
        assertEquals(TestFunctions.rosenbrockGradient(POINT).get(0),
                Derivatives.directionalDerivative(TestFunctions::rosenbrock, X, v), 1e-12);
    }

    @Test
    void errorsNameTheShapes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Derivatives.grad(v -> v.mul(2), X));
        assertEquals("valueAndGrad: the function must return a scalar but returned shape [5]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Derivatives.hessian(v -> v, X));
        assertEquals("hessian: the function must return a scalar but returned shape [5]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Derivatives.hvp(TestFunctions::rosenbrock, X, Tensor.vector(1, 2)));
        assertEquals("hvp: the direction's shape [2] differs from the point's shape [5]", e.getMessage());
    }

    /** Issue 17, items 1 and 20: a Jacobian or Hessian of more than 2³¹ − 1 entries wrapped around (2¹⁶ · 2¹⁶ = 0). */
    @Test
    void jacobianAndHessianTooLargeForAnArrayAreRefusedByName() {
        Tensor x = Tensor.zeros(1 << 16);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Derivatives.jacobian(v -> v, x));
        assertTrue(e.getMessage().startsWith("jacobian: output shape [65536] and input shape [65536]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Derivatives.hessian(v -> v.square().sum(), x));
        assertTrue(e.getMessage().startsWith("hessian: output shape [65536] and input shape [65536]"), e.getMessage());
    }
}
