package org.adjoint.optim.minimize.newton;

import java.util.function.UnaryOperator;
import org.adjoint.core.Tensor;
import org.adjoint.optim.minimize.internal.Vectors;

/**
 * The Steihaug conjugate-gradient solver of the trust-region subproblem (Nocedal and Wright, Algorithm
 * 7.2): CG on {@code H·p = −g} from p = 0, stopping at the boundary {@code ‖p‖ = Δ} on negative
 * curvature or when a step would leave the region, and at the forcing tolerance otherwise.
 */
final class Steihaug {

    private Steihaug() {
    }

    static Tensor solve(Tensor g, UnaryOperator<Tensor> hessianTimes, double radius) {
        double gNorm = Vectors.norm(g);
        if (gNorm == 0) {
            return Tensor.zeros(g.shape());
        }
        double tolerance = Math.min(0.5, Math.sqrt(gNorm)) * gNorm;
        Tensor z = Tensor.zeros(g.shape());
        Tensor r = g;
        Tensor d = g.neg();
        double rr = Vectors.dot(r, r);
        for (int j = 0; j < 2 * g.size() + 10; j++) {
            Tensor hd = hessianTimes.apply(d);
            double curvature = Vectors.dot(d, hd);
            if (curvature <= 0) {
                return toBoundary(z, d, radius);
            }
            double alpha = rr / curvature;
            Tensor next = Vectors.addScaled(z, alpha, d);
            if (Vectors.norm(next) >= radius) {
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
