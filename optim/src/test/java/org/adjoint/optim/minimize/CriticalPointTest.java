package org.adjoint.optim.minimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.adjoint.core.Tensor;
import org.adjoint.optim.minimize.newton.Newton;
import org.junit.jupiter.api.Test;

/** The lessons' second-derivative test on their examples. */
class CriticalPointTest {

    @Test
    void xSquaredMinusYSquaredHasASaddleAtTheOrigin() {
        CriticalPoint p = CriticalPoint.classify(Objective.of(v -> v.slice(0, 0, 1).square().sub(v.slice(0, 1, 2).square()).sum()),
                Tensor.vector(0, 0), 1e-12);
        assertEquals(CriticalPoint.Kind.SADDLE, p.kind());
        assertEquals(Tensor.vector(-2, 2), p.eigenvalues());
        assertEquals(1.0, Math.abs(p.eigenvectors().get(1, 0)), 1e-15, "the descending direction is y");
    }

    @Test
    void xCubedIsDegenerateAtZero() {
        CriticalPoint p = CriticalPoint.classify(Objective.of(v -> v.pow(3).sum()), Tensor.vector(0), 1e-12);
        assertEquals(CriticalPoint.Kind.DEGENERATE, p.kind());
    }

    /** ½(x² + s·y²) with s = 1e-8 and 1e-10: c = 0 for a quadratic, so even its smallest curvature is decided. */
    @Test
    void anIllConditionedQuadraticHasALocalMinimum() {
        for (double s : new double[] {1e-8, 1e-10}) {
            Objective f = Objective.of(v -> v.slice(0, 0, 1).square().add(v.slice(0, 1, 2).square().mul(s)).mul(0.5).sum());
            CriticalPoint atMinimum = CriticalPoint.classify(f, Tensor.vector(0, 0), 1e-8);
            assertEquals(CriticalPoint.Kind.LOCAL_MINIMUM, atMinimum.kind(), () -> "condition " + 1 / s + ": " + atMinimum);
            MinimizationResult r = Newton.modified().minimize(f, Tensor.vector(1, 1));
            CriticalPoint found = CriticalPoint.classify(f, r.x(), 1e-8);
            assertEquals(CriticalPoint.Kind.LOCAL_MINIMUM, found.kind(), () -> r + ": " + found);
        }
    }

    /**
     * x³ + y²: modified Newton halves x until ‖∇f‖ = 3x² ≤ 1e-8, at x = 2⁻¹⁵ ≈ 3e-5, where λ = 6x = 1.8e-4 is
     * positive; but the point nearby where ∇f = 0 is the degenerate origin, so the test cannot conclude.
     */
    @Test
    void xCubedPlusYSquaredWhereNewtonStopsIsInconclusive() {
        Objective f = Objective.of(v -> v.slice(0, 0, 1).pow(3).add(v.slice(0, 1, 2).square()).sum());
        CriticalPoint near = CriticalPoint.classify(f, Tensor.vector(3e-5, 0), 1e-8);
        assertEquals(CriticalPoint.Kind.INCONCLUSIVE, near.kind(), near::toString);
        MinimizationResult r = Newton.modified().minimize(f, Tensor.vector(1, 1));
        assertEquals(StopReason.GRADIENT_TOLERANCE, r.reason(), r::toString);
        CriticalPoint found = CriticalPoint.classify(f, r.x(), 1e-8);
        assertEquals(CriticalPoint.Kind.INCONCLUSIVE, found.kind(), () -> r + ": " + found);
        assertEquals(CriticalPoint.Kind.DEGENERATE, CriticalPoint.classify(f, Tensor.vector(0, 0), 1e-8).kind());
        assertEquals(CriticalPoint.Kind.LOCAL_MINIMUM,
                CriticalPoint.classify(Objective.of(v -> v.slice(0, 0, 1).pow(3).add(v.slice(0, 0, 1).square())
                        .add(v.slice(0, 1, 2).square()).sum()), Tensor.vector(0, 0), 1e-8).kind(),
                "x³ + x² + y² at 0: λ = 2 is decided despite c = 6, so a cubic term does not hide a minimum");
    }

    @Test
    void aNegativeGradientToleranceIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CriticalPoint.classify(Objective.of(v -> v.square().sum()), Tensor.vector(0), -1));
        assertEquals("CriticalPoint.classify: gradientTolerance = -1.0 must be at least 0", e.getMessage());
    }

    @Test
    void minimaMaximaAndOrdinaryPoints() {
        Objective bowl = Objective.of(v -> v.square().sum());
        assertEquals(CriticalPoint.Kind.LOCAL_MINIMUM, CriticalPoint.classify(bowl, Tensor.vector(0, 0), 1e-12).kind());
        assertEquals(CriticalPoint.Kind.LOCAL_MAXIMUM,
                CriticalPoint.classify(Objective.of(v -> v.square().sum().neg()), Tensor.vector(0, 0), 1e-12).kind());
        CriticalPoint slope = CriticalPoint.classify(bowl, Tensor.vector(1, 0), 1e-12);
        assertEquals(CriticalPoint.Kind.NOT_CRITICAL, slope.kind());
        assertEquals(2.0, slope.gradientNorm());
    }

    /** x·cos(πx) on [−1, 2]: a local minimum in (−0.5, 0) and the global one in (1, 1.2), found from either side. */
    @Test
    void localAndGlobalMinimaOfXCosPiX() {
        Objective f = Objective.of(v -> v.mul(v.mul(Math.PI).cos()).sum());
        MinimizationResult left = Newton.modified().minimize(f, Tensor.vector(-0.5));
        MinimizationResult right = Newton.modified().minimize(f, Tensor.vector(1.5));
        for (double x : new double[] {left.x().item(), right.x().item()}) {
            assertEquals(0, Math.cos(Math.PI * x) - Math.PI * x * Math.sin(Math.PI * x), 1e-9, "f'(x) = 0 at " + x);
        }
        assertTrue(left.x().item() > -0.5 && left.x().item() < 0, left::toString);
        assertTrue(right.x().item() > 1 && right.x().item() < 1.2, right::toString);
        assertTrue(right.value() < left.value());
        assertEquals(CriticalPoint.Kind.LOCAL_MINIMUM, CriticalPoint.classify(f, left.x(), 1e-6).kind());
        Tensor peak = Newton.modified().minimize(Objective.of(v -> v.mul(v.mul(Math.PI).cos()).sum().neg()),
                Tensor.vector(0.5)).x();
        assertEquals(CriticalPoint.Kind.LOCAL_MAXIMUM, CriticalPoint.classify(f, peak, 1e-6).kind());
    }
}
