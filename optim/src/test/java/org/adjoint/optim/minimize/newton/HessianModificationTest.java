package org.adjoint.optim.minimize.newton;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.adjoint.core.LinearAlgebra;
import org.adjoint.core.Tensor;
import org.junit.jupiter.api.Test;

/** The scaled added-multiple-of-identity and the eigenvalue strategies on small matrices with known answers. */
class HessianModificationTest {

    private static final HessianModification MODIFIED = HessianModification.addMultipleOfIdentity(1e-3);

    /** {@code S·A·S} for a vector S. */
    private static Tensor scaled(Tensor a, Tensor s) {
        int n = s.size();
        return a.mul(s.reshape(n, 1)).mul(s.reshape(1, n));
    }

    /** ρ of the badly scaled Hessian below: A = [[1, ρ], [ρ, 1]] is positive definite but nearly singular. */
    private static final double RHO = 0.999999;
    /** The scaling S = diag(1e5, 0.1) of the badly scaled Hessian. */
    private static final Tensor S = Tensor.vector(1e5, 0.1);
    /** H = S·A·S: positive definite, with a second pivot (2e-8) that an unscaled pivot test rejects. */
    private static final Tensor BADLY_SCALED = scaled(Tensor.matrix(new double[][] {{1, RHO}, {RHO, 1}}), S);
    /** The gradient used with BADLY_SCALED. */
    private static final Tensor G = Tensor.vector(1, 1);
    /** Newton's step on BADLY_SCALED, −S⁻¹A⁻¹S⁻¹g, by the 2 × 2 inverse. */
    private static final Tensor NEWTON = newtonStep();

    private static Tensor newtonStep() {
        Tensor u = G.div(S);
        double det = 1 - RHO * RHO;
        return Tensor.vector((u.get(0) - RHO * u.get(1)) / det, (u.get(1) - RHO * u.get(0)) / det).div(S).neg();
    }

    /**
     * H = S·A·S with A = [[1, ρ], [ρ, 1]], ρ = 0.999999, S = diag(1e5, 0.1): positive definite, but its
     * second pivot 2e-8 fails the unscaled pivot test 1e-12·1e10. Scaled, no shift is needed and the step
     * is Newton's, {@code −H⁻¹g = −S⁻¹A⁻¹S⁻¹g}.
     */
    @Test
    void aPositiveDefiniteButBadlyScaledHessianGetsTheNewtonStep() {
        assertTrue(LinearAlgebra.cholesky(BADLY_SCALED).isEmpty(), "the unscaled factorization rejects H");
        Tensor p = MODIFIED.step(BADLY_SCALED, G);
        assertTrue(p.allClose(NEWTON, 1e-9, 0), () -> p + " vs the Newton step " + NEWTON);
    }

    /** With x = S·y, the step in y is S⁻¹ times the step in x, for an indefinite H too. */
    @Test
    void theStepIsInvariantUnderADiagonalRescalingOfTheVariables() {
        Tensor h = Tensor.matrix(new double[][] {{2, 3, 0}, {3, -1, 1}, {0, 1, 4}});
        Tensor g = Tensor.vector(1, -2, 0.5);
        Tensor s = Tensor.vector(1e4, 1e-3, 1);
        Tensor inX = MODIFIED.step(h, g);
        Tensor inY = MODIFIED.step(scaled(h, s), g.mul(s));
        assertTrue(inY.mul(s).allClose(inX, 1e-12, 0), () -> inY.mul(s) + " vs " + inX);
        assertTrue(inX.mul(g).sum().item() < 0, "a descent direction");
    }

    /** The zero Hessian gets the step −g/β; one with a zero diagonal still gets a finite descent step. */
    @Test
    void zeroCurvatureGivesAFiniteDescentStep() {
        Tensor g = Tensor.vector(1, -2);
        assertTrue(MODIFIED.step(Tensor.zeros(2, 2), g).allClose(g.mul(-1e3), 1e-15, 0));
        Tensor p = MODIFIED.step(Tensor.matrix(new double[][] {{0, 1}, {1, 0}}), g);
        assertTrue(p.isFinite() && p.mul(g).sum().item() < 0, p::toString);
    }

    /**
     * The same H for the eigenvalue modification: its smallest eigenvalue, 2e-8, is below the rounding of
     * an eigensolver on a matrix of norm 1e10 (about 1e-6), which floored it to δ = 1e-8 along an inaccurate
     * eigenvector; H is positive definite, so the modification must leave it alone and give Newton's step.
     */
    @Test
    void theEigenvalueModificationGivesTheNewtonStepOnAPositiveDefiniteButBadlyScaledHessian() {
        Tensor p = HessianModification.eigenvalues(1e-8).step(BADLY_SCALED, G);
        assertTrue(p.allClose(NEWTON, 1e-9, 0), () -> p + " vs the Newton step " + NEWTON);
    }

    /** An indefinite H still gets its negative eigenvalue flipped: diag(2, −4) gives p = −(g₁/2, g₂/4). */
    @Test
    void theEigenvalueModificationFlipsNegativeCurvature() {
        Tensor p = HessianModification.eigenvalues(1e-8).step(Tensor.matrix(new double[][] {{2, 0}, {0, -4}}), Tensor.vector(1, 1));
        assertTrue(p.allClose(Tensor.vector(-0.5, -0.25), 1e-15, 0), p::toString);
    }
}
