package org.adjoint.optim.minimize.leastsquares;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.adjoint.autodiff.Var;
import org.adjoint.autodiff.VarFunction;
import org.adjoint.core.Tensor;
import org.adjoint.verify.Gen;
import org.adjoint.verify.Property;
import org.junit.jupiter.api.Test;

/**
 * Robust losses, as SciPy's {@code least_squares(loss=…, f_scale=0.5)} defines them, on a line with two
 * outliers: the exact minimizers and costs, computed to 40 digits with mpmath from SciPy 1.17.1's
 * answers ({@code optim/src/test/python/robust_loss_reference.py}; SciPy's 'trf' itself agrees with
 * them to about 1e-8, ours to 1e-9), and ρ's derivatives against central differences.
 */
class RobustLossTest {

    private static final double[] T = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
    private static final double[] NOISE = {0.1, -0.2, 0.15, 0.0, -0.1, 0.05, 8.0, -0.05, 0.2, -6.0, 0.1, -0.15};

    private static VarFunction line() {
        double[] y = new double[T.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = 1 + 2 * T[i] + NOISE[i];
        }
        Var t = Var.constant(Tensor.vector(T));
        Var ys = Var.constant(Tensor.vector(y));
        return theta -> theta.slice(0, 0, 1).add(t.mul(theta.slice(0, 1, 2))).sub(ys);
    }

    private static void matchesReference(Loss loss, double b0, double b1, double cost) {
        LeastSquaresResult result = LevenbergMarquardt.standard().withLoss(loss).solve(line(), Tensor.vector(0, 0));
        assertTrue(result.converged(), result::toString);
        assertArrayEquals(new double[] {b0, b1}, result.theta().toArray(), 1e-9, loss.toString());
        assertEquals(cost, result.cost(), 1e-10 * cost, loss.toString());
    }

    @Test
    void linearLossIsOrdinaryLeastSquares() {
        matchesReference(Loss.linear(), 1.8288461538461538, 1.8811188811188811, 48.88576048951049);
    }

    @Test
    void huberMatchesScipy() {
        matchesReference(Loss.huber(0.5), 1.0677657098525989, 1.9886733902249806, 6.8212315748642358);
    }

    @Test
    void softL1MatchesScipy() {
        matchesReference(Loss.softL1(0.5), 1.076456864761045, 1.9871150514450018, 6.585884953543434);
    }

    @Test
    void cauchyMatchesScipy() {
        matchesReference(Loss.cauchy(0.5), 1.0188854691520999, 1.9982994025961145, 1.3909810458035416);
    }

    @Test
    void rhoDerivativesMatchCentralDifferences() {
        Gen<Loss> losses = Gen.elements(Loss.huber(1), Loss.softL1(1), Loss.cauchy(1), Loss.linear());
        Property.forAll(losses, Gen.doublesAwayFrom(0.01, 20, 1, 0.01)).check((loss, z) -> {
            double h = 1e-6 * z;
            double[] at = loss.rho(z);
            double[] up = loss.rho(z + h);
            double[] down = loss.rho(z - h);
            assertEquals((up[0] - down[0]) / (2 * h), at[1], 1e-6 * Math.max(1, Math.abs(at[1])), loss + " ρ′ at " + z);
            assertEquals((up[1] - down[1]) / (2 * h), at[2], 1e-5 * Math.max(1, Math.abs(at[2])), loss + " ρ″ at " + z);
            assertEquals(z, loss.rho(z)[0], z * z, "ρ(z) ≈ z near 0 for every loss");
        });
    }

    @Test
    void robustCostsAreBelowTheSquaredCost() {
        double[] r = {0.1, -3, 10, 0};
        double squared = Loss.linear().cost(r);
        for (Loss loss : new Loss[] {Loss.huber(1), Loss.softL1(1), Loss.cauchy(1)}) {
            assertTrue(loss.cost(r) < squared, loss.toString());
        }
    }
}
