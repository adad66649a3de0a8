package org.adjoint.optim.minimize.newton;

import java.util.function.UnaryOperator;
import org.adjoint.core.Tensor;
import org.adjoint.optim.minimize.internal.Vectors;

/**
 * Conjugate gradients on the Newton system {@code H·p = −g} from p = 0, truncated (Nocedal and Wright,
 * Algorithms 7.1 and 7.2), using only products {@code H·v}. The one loop serves both Hessian-free
 * methods:
 * <ul>
 *   <li>{@link #lineSearchStep}, for Newton-CG: no region; on negative curvature it returns the
 *       iterate so far, or −g if there is none yet, which is then searched along;
 *   <li>{@link #trustRegionStep}, Steihaug's method: stops on the boundary {@code ‖p‖ = Δ} on negative
 *       curvature or when a step would leave the region.
 * </ul>
 * Otherwise it stops when the residual falls below the forcing term {@code min(0.5, √‖g‖)·‖g‖},
 * which gives superlinear convergence, or when the iteration cap is reached. A zero gradient gives
 * the zero step without a product.
 */
final class TruncatedConjugateGradient {

    private TruncatedConjugateGradient() {
    }

    /** The Newton-CG step at gradient {@code g}, in at most {@code maxIterations} CG iterations. */
    static Tensor lineSearchStep(Tensor g, UnaryOperator<Tensor> hessianTimes, int maxIterations) {
        return solve(g, hessianTimes, maxIterations, Double.POSITIVE_INFINITY);
    }

    /** Steihaug's step at gradient {@code g} within the trust radius Δ, in at most 2n + 10 CG iterations. */
    static Tensor trustRegionStep(Tensor g, UnaryOperator<Tensor> hessianTimes, double radius) {
        return trustRegionStep(g, hessianTimes, radius, Integer.MAX_VALUE);
    }

    /** The same, with at most {@code maxProducts} Hessian-vector products (a run's remaining budget). */
    static Tensor trustRegionStep(Tensor g, UnaryOperator<Tensor> hessianTimes, double radius, int maxProducts) {
        return solve(g, hessianTimes, Math.min(2 * g.size() + 10, maxProducts), radius);
    }

    /** The loop; {@code radius = ∞} means no region (never reaches the boundary). */
    private static Tensor solve(Tensor g, UnaryOperator<Tensor> hessianTimes, int maxIterations, double radius) {
        boolean bounded = radius < Double.POSITIVE_INFINITY;
        double gNorm = Vectors.norm(g);
        if (gNorm == 0) {
            return Tensor.zeros(g.shape());
        }
        double tolerance = Math.min(0.5, Math.sqrt(gNorm)) * gNorm;
        Tensor z = Tensor.zeros(g.shape());
        Tensor r = g;
        Tensor d = g.neg();
        double rr = Vectors.dot(r, r);
        for (int j = 0; j < maxIterations; j++) {
            Tensor hd = hessianTimes.apply(d);
            double curvature = Vectors.dot(d, hd);
            if (curvature <= 0) {
                return bounded ? toBoundary(z, d, radius) : j == 0 ? g.neg() : z;
            }
            double alpha = rr / curvature;
            Tensor next = Vectors.addScaled(z, alpha, d);
            if (bounded && Vectors.norm(next) >= radius) {
                return toBoundary(z, d, radius);
            }
            z = next;
            r = Vectors.addScaled(r, alpha, hd);
            double rrNext = Vectors.dot(r, r);
            if (Math.sqrt(rrNext) < tolerance) {
                return z;
            }
            d = Vectors.addScaled(r.neg(), rrNext / rr, d);
            rr = rrNext;
        }
        return z;
    }

    /** {@code z + τ·d} with τ ≥ 0 the positive root of {@code ‖z + τd‖ = Δ}. */
    private static Tensor toBoundary(Tensor z, Tensor d, double radius) {
        double dd = Vectors.dot(d, d);
        double zd = Vectors.dot(z, d);
        double zz = Vectors.dot(z, z);
        double tau = (-zd + Math.sqrt(zd * zd + dd * (radius * radius - zz))) / dd;
        return Vectors.addScaled(z, tau, d);
    }
}
