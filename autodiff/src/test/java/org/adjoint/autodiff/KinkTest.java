package org.adjoint.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.adjoint.core.Tensor;
import org.junit.jupiter.api.Test;

/** The documented subgradients at the points where relu, abs, clamp, max and min are not differentiable. */
class KinkTest {

    private static Tensor grad(VarFunction f, Tensor at) {
        return Derivatives.grad(v -> f.apply(v).sum(), at);
    }

    @Test
    void reluHasDerivativeZeroAtZero() {
        assertEquals(Tensor.vector(0, 0, 1), grad(Var::relu, Tensor.vector(-1, 0, 2)));
    }

    /** Signed zero, the smallest positive double, infinities and NaN, which is propagated, not zeroed. */
    @Test
    void reluAtTheEdgesOfTheDoubles() {
        Tensor x = Tensor.vector(-0.0, Double.MIN_VALUE, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN);
        assertEquals(Tensor.vector(0.0, Double.MIN_VALUE, Double.POSITIVE_INFINITY, 0.0, Double.NaN), x.relu());
        assertEquals(Tensor.vector(0, 1, 1, 0, Double.NaN), grad(Var::relu, x));
    }

    @Test
    void absHasDerivativeZeroAtZero() {
        assertEquals(Tensor.vector(-1, 0, 1), grad(Var::abs, Tensor.vector(-1, 0, 2)));
        assertEquals(Tensor.vector(-1, 0, 1), grad(Var::abs, Tensor.vector(-1, -0.0, 2)));
    }

    @Test
    void clampPassesTheGradientAtItsBounds() {
        assertEquals(Tensor.vector(0, 1, 1, 1, 0), grad(v -> v.clamp(-1, 1), Tensor.vector(-2, -1, 0, 1, 2)));
    }

    @Test
    void tiedMaximaShareTheGradientEqually() {
        assertEquals(Tensor.vector(0, 0.5, 0.5), grad(Var::max, Tensor.vector(1, 3, 3)));
        assertEquals(Tensor.vector(1.0 / 3, 1.0 / 3, 1.0 / 3), grad(Var::min, Tensor.vector(2, 2, 2)));
        assertEquals(Tensor.matrix(new double[][] {{0.5, 0.5}, {0, 1}}),
                grad(v -> v.max(1), Tensor.matrix(new double[][] {{4, 4}, {1, 2}})));
    }

    @Test
    void elementwiseMaximumAndMinimumSplitTiesInHalf() {
        Var a = Var.param(Tensor.vector(1, 2, 3));
        Var b = Var.param(Tensor.vector(3, 2, 1));
        Tensor[] gMax = Backward.of(a.maximum(b).sum()).gradients(a, b);
        assertEquals(Tensor.vector(0, 0.5, 1), gMax[0]);
        assertEquals(Tensor.vector(1, 0.5, 0), gMax[1]);
        Tensor[] gMin = Backward.of(a.minimum(b).sum()).gradients(a, b);
        assertEquals(Tensor.vector(1, 0.5, 0), gMin[0]);
        assertEquals(Tensor.vector(0, 0.5, 1), gMin[1]);
    }

    @Test
    void hingeMarginOfExactlyZeroIsInactive() {
        // scores [1, 0] with label 0 and delta 1: the margin of class 1 is 0 − 1 + 1 = 0.
        Var s = Var.param(Tensor.matrix(new double[][] {{1, 0}}));
        assertEquals(Tensor.zeros(1, 2), Backward.of(Losses.multiclassHinge(s, new int[] {0}, 1)).gradient(s));
    }

    @Test
    void secondDerivativesOfPiecewiseLinearOpsAreZero() {
        Tensor at = Tensor.vector(-1.5, 0.5, 2);
        assertEquals(Tensor.zeros(3, 3), Derivatives.hessian(v -> v.relu().sum(), at));
        assertEquals(Tensor.zeros(3, 3), Derivatives.hessian(v -> v.abs().sum(), at));
        assertEquals(Tensor.zeros(3, 3), Derivatives.hessian(Var::max, at));
    }

    // ---------------------------------------------------------------- issue 21

    /** leaky relu: the slope at 0 (PyTorch's), the second derivative 0 everywhere; NaN propagates. */
    @Test
    void leakyReluHasTheSlopeAtZero() {
        Tensor x = Tensor.vector(-2, -0.0, 0, 3, Double.NaN);
        assertEquals(Tensor.vector(0.1, 0.1, 0.1, 1, Double.NaN), grad(v -> v.leakyRelu(0.1), x));
        assertEquals(Tensor.zeros(3, 3), Derivatives.hessian(v -> v.leakyRelu(0.1).sum(), Tensor.vector(-1, 0, 2)));
    }

    /** elu: the left derivative α at 0 and the second derivative 0 there, both PyTorch's. */
    @Test
    void eluHasTheLeftDerivativeAtZeroAndNoCurvature() {
        Tensor x = Tensor.vector(-1, 0, 2);
        assertEquals(Tensor.vector(1.3 * Math.exp(-1), 1.3, 1), grad(v -> v.elu(1.3), x));
        assertEquals(Tensor.vector(1.3 * Math.exp(-1), 0, 0), Derivatives.hvp(v -> v.elu(1.3).sum(), x, Tensor.ones(3)));
    }

    /** Huber at |d| = δ takes the linear branch: gradient δ·sign d / n (continuous), curvature 0. */
    @Test
    void huberAtTheSwitchTakesTheLinearBranch() {
        Var target = Var.constant(Tensor.vector(0, 0));
        VarFunction f = v -> Losses.huber(v, target, 0.5);
        Tensor at = Tensor.vector(-0.5, 0.5);
        assertEquals(Tensor.vector(-0.25, 0.25), Derivatives.grad(f, at));
        assertEquals(Tensor.zeros(2, 2), Derivatives.hessian(f, at));
    }

    /** smooth L1 with β = 0 is the mean absolute error; its subgradient at d = 0 is 0, as abs'(0). */
    @Test
    void smoothL1WithBetaZeroHasSubgradientZeroAtZero() {
        Var target = Var.constant(Tensor.vector(1, 1, 1));
        assertEquals(Tensor.vector(-1.0 / 3, 0, 1.0 / 3),
                Derivatives.grad(v -> Losses.smoothL1(v, target, 0), Tensor.vector(0, 1, 2)));
    }
}
