package org.adjoint.optim.minimize.quasinewton;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.adjoint.core.Tensor;
import org.adjoint.optim.minimize.internal.Iterate;
import org.junit.jupiter.api.Test;

/** The curvature test BFGS and L-BFGS share: a pair is kept only if sᵀy > 1e-10·‖s‖·‖y‖. */
class CurvaturePairTest {

    private static Iterate at(double x0, double x1, double g0, double g1) {
        return new Iterate(Tensor.vector(x0, x1), 0, Tensor.vector(g0, g1));
    }

    @Test
    void positiveCurvatureIsKeptWithItsRho() {
        CurvaturePair pair = CurvaturePair.between(at(0, 0, 1, 1), at(1, 0, 3, 1)).orElseThrow();
        assertEquals(Tensor.vector(1, 0), pair.s());
        assertEquals(Tensor.vector(2, 0), pair.y());
        assertEquals(2.0, pair.sy());
        assertEquals(0.5, pair.rho());
    }

    @Test
    void negativeZeroAndRoundingSizedCurvatureAreSkipped() {
        assertTrue(CurvaturePair.between(at(0, 0, 1, 1), at(1, 0, -1, 1)).isEmpty(), "sᵀy < 0");
        assertTrue(CurvaturePair.between(at(0, 0, 1, 1), at(1, 0, 1, 3)).isEmpty(), "sᵀy = 0");
        assertTrue(CurvaturePair.between(at(0, 0, 1, 1), at(1, 0, 1 + 1e-11, 2)).isEmpty(), "sᵀy below 1e-10·‖s‖·‖y‖");
        assertTrue(CurvaturePair.between(at(0, 0, 1, 1), at(1, 0, 1 + 1e-9, 2)).isPresent(), "sᵀy above it");
    }
}
