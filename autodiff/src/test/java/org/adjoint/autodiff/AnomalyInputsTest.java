package org.adjoint.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.adjoint.core.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, item 24: with NaN in the data, anomaly mode blamed SoftmaxCrossEntropy's derivative rule.
 * The values fed in (constants and parameters) are checked before any op is blamed.
 */
class AnomalyInputsTest {

    private static final double NAN = Double.NaN;

    private static String anomaly(Var output, Var wrt) {
        return assertThrows(AnomalyException.class, () -> Backward.of(output).detectingAnomalies().gradient(wrt))
                .getMessage();
    }

    @Test
    void nanInTheDataIsNamedNotTheLossRule() {
        Var x = Var.constant(Tensor.matrix(new double[][] {{1, 2, 3}, {4, 5, NAN}}));
        Var w = Var.param(Tensor.matrix(new double[][] {{1, 0}, {0, 1}, {1, 1}}));
        Var loss = Losses.softmaxCrossEntropy(x.matmul(w), new int[] {0, 1});
        assertEquals("forward: input 0 of MatMul[] is a constant of shape [2, 3] that holds NaN at [1, 2]"
                + " (fed in, not computed by an op: check the data)", anomaly(loss, w));
    }

    @Test
    void aNonFiniteParameterIsNamedToo() {
        Var w = Var.param(Tensor.vector(1, Double.POSITIVE_INFINITY));
        Var loss = w.mul(Var.constant(Tensor.vector(2, 0))).sum();
        assertEquals("forward: input 0 of Mul[] is a parameter of shape [2] that holds Infinity at [1]"
                + " (fed in, not computed by an op: check the data)", anomaly(loss, w));
    }

    @Test
    void anOpThatMakesNaNBeforeTheBadDataIsUsedIsStillNamedFirst() {
        Var x = Var.param(Tensor.vector(-1, 4));
        Var data = Var.constant(Tensor.vector(NAN, 1));
        assertEquals("forward: Log[] produced NaN at flat index 0 from finite inputs of shapes ([2])",
                anomaly(x.log().mul(data).sum(), x));
    }
}
