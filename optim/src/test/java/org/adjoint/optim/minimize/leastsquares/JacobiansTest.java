package org.adjoint.optim.minimize.leastsquares;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.adjoint.autodiff.Derivatives;
import org.adjoint.autodiff.VarFunction;
import org.adjoint.core.Tensor;
import org.adjoint.optim.minimize.leastsquares.nist.NistModels;
import org.adjoint.optim.minimize.leastsquares.nist.NistProblem;
import org.junit.jupiter.api.Test;

/**
 * The Jacobians the solvers use ({@code Derivatives.jacobian}, forward mode for m > n) equal reverse
 * mode's, row by row, on every NIST model at both starts: real residual functions for the forward mode.
 */
class JacobiansTest {

    @Test
    void forwardModeJacobiansEqualReverseModeOnEveryNistModel() {
        for (String name : NistModels.names()) {
            NistProblem problem = NistRuns.problem(name);
            for (int start = 1; start <= 2; start++) {
                Tensor theta = Tensor.vector(problem.dataset().start(start));
                VarFunction r = problem.residuals();
                Tensor expected = Derivatives.jacobianReverse(r, theta);
                Tensor actual = Derivatives.jacobian(r, theta);
                assertEquals(expected.shape(), actual.shape(), name);
                double[] e = expected.toArray();
                double[] a = actual.toArray();
                for (int i = 0; i < e.length; i++) {
                    assertEquals(e[i], a[i], 1e-12 * Math.max(1, Math.abs(e[i])), name + " start " + start + " element " + i);
                }
            }
        }
    }

    @Test
    void anInfiniteDerivativeStaysInfinite() {
        VarFunction r = theta -> org.adjoint.autodiff.Var.concat(0, theta.sub(1), theta.sub(3).sqrt(), theta.sub(3).pow(0.5));
        Tensor theta = Tensor.vector(3);
        assertArrayEquals(Derivatives.jacobianReverse(r, theta).toArray(), Derivatives.jacobian(r, theta).toArray(), 0);
        assertEquals(Double.POSITIVE_INFINITY, Derivatives.jacobian(r, theta).get(1, 0));
    }

    @Test
    void fewerResidualsThanParametersUseReverseModeDirectly() {
        VarFunction r = x -> x.square().sum().reshape(1);
        Tensor theta = Tensor.vector(1, 2, 3);
        assertArrayEquals(new double[] {2, 4, 6}, Derivatives.jacobian(r, theta).toArray(), 0);
    }
}
