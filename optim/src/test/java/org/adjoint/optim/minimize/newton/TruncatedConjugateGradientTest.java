package org.adjoint.optim.minimize.newton;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.UnaryOperator;
import org.adjoint.core.Tensor;
import org.junit.jupiter.api.Test;

/** The one truncated-CG loop, in its line-search (Newton-CG) and trust-region (Steihaug) forms. */
class TruncatedConjugateGradientTest {

    private static final Tensor G = Tensor.vector(1, -2, 0.5);

    private static UnaryOperator<Tensor> times(Tensor h) {
        return h::matmul;
    }

    /** The forcing term: CG stops once ‖H·p + g‖ < min(0.5, √‖g‖)·‖g‖. */
    @Test
    void positiveDefiniteHessianMeetsTheForcingTermInsideALargeRegion() {
        Tensor h = Tensor.matrix(new double[][] {{4, 1, 0}, {1, 3, 0}, {0, 0, 2}});
        for (double scale : new double[] {1, 1e-2, 1e-6}) {
            Tensor g = G.mul(scale);
            double gNorm = norm(g);
            Tensor unbounded = TruncatedConjugateGradient.lineSearchStep(g, times(h), 3);
            Tensor bounded = TruncatedConjugateGradient.trustRegionStep(g, times(h), 1e6);
            assertTrue(norm(h.matmul(unbounded).add(g)) < Math.min(0.5, Math.sqrt(gNorm)) * gNorm, unbounded::toString);
            assertEquals(unbounded, bounded, "far from the boundary both forms take the same iterates");
        }
    }

    private static double norm(Tensor v) {
        return Math.sqrt(v.mul(v).sum().item());
    }

    @Test
    void aSmallRegionStopsOnItsBoundary() {
        Tensor h = Tensor.matrix(new double[][] {{4, 1, 0}, {1, 3, 0}, {0, 0, 2}});
        Tensor p = TruncatedConjugateGradient.trustRegionStep(G, times(h), 0.1);
        assertEquals(0.1, norm(p), 1e-15);
    }

    @Test
    void negativeCurvatureGivesSteepestDescentOrTheBoundary() {
        Tensor h = Tensor.identity(3).neg();
        assertEquals(G.neg(), TruncatedConjugateGradient.lineSearchStep(G, times(h), 3));
        Tensor p = TruncatedConjugateGradient.trustRegionStep(G, times(h), 2);
        assertTrue(p.allClose(G.neg().mul(2 / norm(G)), 0, 1e-15), p::toString);
    }

    @Test
    void aZeroGradientGivesTheZeroStepWithoutAProduct() {
        UnaryOperator<Tensor> never = v -> {
            throw new AssertionError("no product expected");
        };
        assertEquals(Tensor.zeros(3), TruncatedConjugateGradient.lineSearchStep(Tensor.zeros(3), never, 3));
        assertEquals(Tensor.zeros(3), TruncatedConjugateGradient.trustRegionStep(Tensor.zeros(3), never, 1));
    }
}
