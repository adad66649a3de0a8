package org.adjoint.optim.minimize.newton;

import java.util.Optional;
import org.adjoint.core.Cholesky;
import org.adjoint.core.LinearAlgebra;
import org.adjoint.core.SingularMatrixException;
import org.adjoint.core.Tensor;
import org.adjoint.optim.minimize.internal.HessianException;

/**
 * How Newton's method turns the Hessian H into a step {@code p = −B⁻¹∇f}, where B is H or a modified
 * H that is positive definite, so that p is a descent direction.
 */
@FunctionalInterface
public interface HessianModification {

    /** The Newton step {@code −B⁻¹g} for Hessian {@code h} and gradient {@code g}. */
    Tensor step(Tensor h, Tensor g);

    /**
     * No modification: {@code p = −H⁻¹g} by LU decomposition; a singular H stops the run, and an
     * indefinite one may give a direction that does not descend.
     */
    static HessianModification none() {
        return (h, g) -> {
            try {
                return LinearAlgebra.solve(h, g).neg();
            } catch (SingularMatrixException e) {
                throw new HessianException("the Hessian is singular");
            }
        };
    }

    /**
     * Cholesky with added multiple of the identity (Nocedal and Wright, Algorithm 3.3): factor
     * {@code H + τI} for τ = 0 if H's diagonal is positive, else {@code −min hᵢᵢ + β}, doubling τ (at least β)
     * until the factorization succeeds.
     *
     * @param beta the smallest shift tried, e.g. 1e-3
     */
    static HessianModification addMultipleOfIdentity(double beta) {
        if (!(beta > 0) || Double.isInfinite(beta)) {
            throw new IllegalArgumentException("addMultipleOfIdentity: beta = " + beta + " must be positive and finite");
        }
        return (h, g) -> {
            int n = h.shape().dim(0);
            double minDiagonal = Double.POSITIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                minDiagonal = Math.min(minDiagonal, h.get(i, i));
            }
            double tau = minDiagonal > 0 ? 0 : -minDiagonal + beta;
            Tensor identity = Tensor.identity(n);
            for (int attempt = 0; attempt < 200; attempt++) {
                Optional<Cholesky> factor = LinearAlgebra.cholesky(tau == 0 ? h : h.add(identity.mul(tau)));
                if (factor.isPresent()) {
                    return factor.get().solve(g).neg();
                }
                tau = Math.max(2 * tau, beta);
            }
            throw new HessianException("no shift τ made H + τI positive definite");
        };
    }

    /**
     * Eigenvalue modification: with {@code H = QΛQᵀ}, use {@code B = Q·max(|Λ|, δ)·Qᵀ}, which flips
     * negative curvature into descent and bounds the step where H is nearly singular.
     *
     * @param delta the smallest eigenvalue allowed, e.g. 1e-8
     */
    static HessianModification eigenvalues(double delta) {
        if (!(delta > 0) || Double.isInfinite(delta)) {
            throw new IllegalArgumentException("eigenvalues: delta = " + delta + " must be positive and finite");
        }
        return (h, g) -> {
            LinearAlgebra.SymmetricEigen eig = LinearAlgebra.symmetricEigen(h);
            Tensor q = eig.vectors();
            Tensor inverse = eig.values().abs().map(v -> 1 / Math.max(v, delta));
            return q.matmul(q.transpose().matmul(g).mul(inverse)).neg();
        };
    }
}
