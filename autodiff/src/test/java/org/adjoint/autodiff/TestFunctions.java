package org.adjoint.autodiff;

import org.adjoint.core.Tensor;

/** Objective functions with derivatives known in closed form, shared by the tests. */
final class TestFunctions {

    private TestFunctions() {
    }

    /** The extended Rosenbrock function Σᵢ 100·(xᵢ₊₁ − xᵢ²)² + (1 − xᵢ)², with tensor ops. */
    static Var rosenbrock(Var x) {
        int n = x.shape().dim(0);
        Var head = x.slice(0, 0, n - 1);
        Var tail = x.slice(0, 1, n);
        return tail.sub(head.square()).square().mul(100).add(head.neg().add(1).square()).sum();
    }

    /** The gradient of {@link #rosenbrock}, worked by hand. */
    static Tensor rosenbrockGradient(double[] x) {
        int n = x.length;
        double[] g = new double[n];
        for (int i = 0; i < n - 1; i++) {
            g[i] += -400 * x[i] * (x[i + 1] - x[i] * x[i]) - 2 * (1 - x[i]);
            g[i + 1] += 200 * (x[i + 1] - x[i] * x[i]);
        }
        return Tensor.vector(g);
    }

    /** The Hessian of {@link #rosenbrock}, worked by hand: tridiagonal. */
    static Tensor rosenbrockHessian(double[] x) {
        int n = x.length;
        double[][] h = new double[n][n];
        for (int i = 0; i < n - 1; i++) {
            h[i][i] += 1200 * x[i] * x[i] - 400 * x[i + 1] + 2;
            h[i + 1][i + 1] += 200;
            h[i][i + 1] = -400 * x[i];
            h[i + 1][i] = -400 * x[i];
        }
        return Tensor.matrix(h);
    }

    /**
     * A two-layer network's softmax cross-entropy loss as a function of all its parameters packed in
     * one vector θ = [W1 (d×h), b1 (h), W2 (h×c), b2 (c)], with the given hidden activation.
     */
    static VarFunction twoLayerLoss(Tensor inputs, int[] labels, int hidden, int classes, boolean relu) {
        int d = inputs.shape().dim(1);
        return theta -> {
            int at = 0;
            Var w1 = theta.slice(0, at, at += d * hidden).reshape(d, hidden);
            Var b1 = theta.slice(0, at, at += hidden);
            Var w2 = theta.slice(0, at, at += hidden * classes).reshape(hidden, classes);
            Var b2 = theta.slice(0, at, at + classes);
            Var pre = Var.constant(inputs).matmul(w1).add(b1);
            Var h = relu ? pre.relu() : pre.tanh();
            return Losses.softmaxCrossEntropy(h.matmul(w2).add(b2), labels);
        };
    }

    /** The number of parameters of {@link #twoLayerLoss}. */
    static int twoLayerSize(int d, int hidden, int classes) {
        return d * hidden + hidden + hidden * classes + classes;
    }
}
