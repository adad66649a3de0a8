package org.adjoint.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.adjoint.core.Tensor;
import org.junit.jupiter.api.Test;

/** Gradients compared with derivatives worked out by hand, exactly or to rounding. */
class HandDerivedTest {

    /**
     * The lessons' SVM gradient for a linear classifier s = W·x: for each example i with positive
     * margins, ∇_{w_j} Lᵢ = 1(margin_j > 0)·xᵢ for j ≠ yᵢ and ∇_{w_yᵢ} Lᵢ = −(Σ_{j≠yᵢ} 1(margin_j > 0))·xᵢ.
     */
    @Test
    void multiclassHingeGradientIsTheLessonsFormula() {
        Tensor x = Tensor.matrix(new double[][] {{1.0, -2.0, 0.5}, {0.3, 0.8, -1.1}, {-0.7, 0.2, 0.9}, {2.0, 0.1, 0.4}});
        int[] labels = {0, 2, 1, 2};
        Tensor w = Tensor.matrix(new double[][] {{0.2, -0.5, 0.1}, {1.5, 1.3, 2.1}, {0.0, 0.25, 0.2}, {-0.3, 0.6, 0.7}});
        double delta = 1.0;
        Var wVar = Var.param(w);
        Var scores = Var.constant(x).matmul(wVar.transpose());
        Tensor dw = Backward.of(Losses.multiclassHinge(scores, labels, delta)).gradient(wVar);

        int n = x.shape().dim(0);
        int classes = w.shape().dim(0);
        double[][] expected = new double[classes][x.shape().dim(1)];
        double loss = 0;
        for (int i = 0; i < n; i++) {
            Tensor xi = x.slice(0, i, i + 1).reshape(-1);
            Tensor s = w.matmul(xi);
            int positive = 0;
            for (int j = 0; j < classes; j++) {
                double margin = s.get(j) - s.get(labels[i]) + delta;
                if (j != labels[i] && margin > 0) {
                    positive++;
                    loss += margin / n;
                    addScaled(expected[j], xi, 1.0 / n);
                }
            }
            addScaled(expected[labels[i]], xi, -positive / (double) n);
        }
        assertTrue(dw.allClose(Tensor.matrix(expected), 1e-14, 1e-15), dw::toString);
        assertEquals(loss, Losses.multiclassHinge(scores, labels, delta).item(), 1e-14);
    }

    private static void addScaled(double[] row, Tensor x, double c) {
        for (int k = 0; k < row.length; k++) {
            row[k] += c * x.get(k);
        }
    }

    @Test
    void softmaxCrossEntropyGradientIsSoftmaxMinusOneHotOverN() {
        Tensor logits = Tensor.matrix(new double[][] {{2, 1, 0.1}, {0.5, 2.5, -1}});
        int[] labels = {0, 2};
        Var s = Var.param(logits);
        Var loss = Losses.softmaxCrossEntropy(s, labels);
        double[][] expected = new double[2][3];
        double value = 0;
        for (int i = 0; i < 2; i++) {
            double z = 0;
            for (int j = 0; j < 3; j++) {
                z += Math.exp(logits.get(i, j));
            }
            value -= Math.log(Math.exp(logits.get(i, labels[i])) / z) / 2;
            for (int j = 0; j < 3; j++) {
                expected[i][j] = (Math.exp(logits.get(i, j)) / z - (j == labels[i] ? 1 : 0)) / 2;
            }
        }
        assertEquals(value, loss.item(), 1e-15);
        assertTrue(Backward.of(loss).gradient(s).allClose(Tensor.matrix(expected), 1e-14, 1e-16));
    }

    @Test
    void softmaxCrossEntropyIsStableForHugeLogits() {
        Var s = Var.param(Tensor.matrix(new double[][] {{1000, 0}, {-1000, 1000}}));
        Var loss = Losses.softmaxCrossEntropy(s, new int[] {1, 0});
        assertEquals((1000 + 2000) / 2.0, loss.item(), 1e-9);
        Tensor g = Backward.of(loss).gradient(s);
        assertTrue(g.isFinite());
        assertEquals(Tensor.matrix(new double[][] {{0.5, -0.5}, {-0.5, 0.5}}), g);
    }

    @Test
    void softmaxCrossEntropyGradientHasTheSameBitsInBothSweeps() {
        // A first-order sweep takes the one-pass kernel; a differentiable gradient records the composition.
        Tensor logits = Tensor.randomNormal(11, 40, 7).mul(3);
        int[] labels = new int[40];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = (5 * i + 2) % 7;
        }
        Var s = Var.param(logits);
        Var loss = Losses.softmaxCrossEntropy(s, labels).mul(1.7);
        assertEquals(Backward.of(loss).differentiableGradient(s).value(), Backward.of(loss).gradient(s));
    }

    @Test
    void meanSquaredErrorAndL2() {
        Var p = Var.param(Tensor.vector(1, 2, 4));
        Var target = Var.constant(Tensor.vector(0, 2, 1));
        Var mse = Losses.meanSquaredError(p, target);
        assertEquals((1 + 0 + 9) / 3.0, mse.item(), 1e-15);
        assertEquals(Tensor.vector(2.0 / 3, 0, 2.0), Backward.of(mse).gradient(p));
        Var l2 = Losses.l2(p, 0.5);
        assertEquals(0.5 * 21, l2.item());
        assertEquals(Tensor.vector(1, 2, 4), Backward.of(l2).gradient(p));
        assertThrows(IllegalArgumentException.class, () -> Losses.l2(p, -1));
    }

    @Test
    void lossesRejectMismatchedLabels() {
        Var s = Var.param(Tensor.zeros(2, 3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Losses.softmaxCrossEntropy(s, new int[] {0}));
        assertEquals("softmaxCrossEntropy: scores of shape [2, 3] need to be an n × classes matrix with one label per"
                + " row; got 1 labels", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Losses.multiclassHinge(s, new int[] {0, 3}, 1));
        assertEquals("multiclassHinge: label 3 of example 1 is outside [0, 3)", e.getMessage());
    }

    @Test
    void elementaryDerivativesAtAPoint() {
        double x = 0.6;
        assertEquals(Math.exp(x), grad(Var::exp, x), 1e-15);
        assertEquals(1 / x, grad(Var::log, x), 1e-15);
        assertEquals(0.5 / Math.sqrt(x), grad(Var::sqrt, x), 1e-15);
        assertEquals(1 / Math.pow(Math.cos(x), 2), grad(Var::tan, x), 1e-14);
        assertEquals(1 - Math.pow(Math.tanh(x), 2), grad(Var::tanh, x), 1e-15);
        assertEquals(1 / (1 + x * x), grad(Var::atan, x), 1e-15);
        double s = 1 / (1 + Math.exp(-x));
        assertEquals(s * (1 - s), grad(Var::sigmoid, x), 1e-15);
        assertEquals(2.5 * Math.pow(x, 1.5), grad(v -> v.pow(2.5), x), 1e-15);
        assertEquals(Math.log(2) * Math.pow(2, x), grad(v -> Var.constant(2).pow(v), x), 1e-15);
        assertEquals(-1 / (x * x), grad(v -> Var.constant(1).div(v), x), 1e-14);
    }

    private static double grad(VarFunction f, double at) {
        return Derivatives.grad(f, Tensor.scalar(at)).item();
    }
}
