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
}
