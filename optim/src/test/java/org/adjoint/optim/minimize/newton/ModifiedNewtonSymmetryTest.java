package org.adjoint.optim.minimize.newton;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.adjoint.autodiff.Var;
import org.adjoint.autodiff.VarFunction;
import org.adjoint.core.Tensor;
import org.adjoint.optim.minimize.Evaluation;
import org.adjoint.optim.minimize.MinimizationResult;
import org.adjoint.optim.minimize.Objective;
import org.adjoint.optim.minimize.StopReason;
import org.junit.jupiter.api.Test;

/**
 * A computed Hessian is symmetric only to rounding; modified Newton factorizes its symmetric part
 * instead of refusing it.
 */
class ModifiedNewtonSymmetryTest {

    /** Two uncoupled Rosenbrock pairs: the Hessian's off-block entries are exactly zero. */
    private static final VarFunction TWO_ROSENBROCKS = x -> {
        Var pairs = x.reshape(2, 2);
        Var odd = pairs.slice(1, 0, 1);
        Var even = pairs.slice(1, 1, 2);
        return even.sub(odd.square()).square().mul(100).add(odd.neg().add(1).square()).sum();
    };

    /** The exact objective with one zero entry of the Hessian replaced by rounding noise, ulp(max|hᵢⱼ|). */
    private static Objective withRoundingAsymmetry(Objective exact) {
        return new Objective() {
            @Override
            public double value(Tensor x) {
                return exact.value(x);
            }

            @Override
            public Evaluation evaluate(Tensor x) {
                return exact.evaluate(x);
            }

            @Override
            public Tensor hessian(Tensor x) {
                Tensor h = exact.hessian(x);
                double[][] noise = new double[4][4];
                noise[0][2] = Math.ulp(h.abs().max().item());
                return h.add(Tensor.matrix(noise));
            }
        };
    }

    @Test
    void aHessianAsymmetricInTheLastBitIsSymmetrizedBeforeFactorizing() {
        Tensor start = Tensor.vector(-1.2, 1, -1.2, 1);
        MinimizationResult r = Newton.modified().minimize(withRoundingAsymmetry(Objective.of(TWO_ROSENBROCKS)), start);
        assertEquals(StopReason.GRADIENT_TOLERANCE, r.reason(), r::toString);
        assertTrue(r.x().allClose(Tensor.ones(4), 0, 1e-8), r::toString);
    }
}
