package org.adjoint.optim.minimize.newton;

import java.util.Optional;
import org.adjoint.core.Cholesky;
import org.adjoint.core.LinearAlgebra;
import org.adjoint.core.Tensor;

/**
 * The step of {@link HessianModification#eigenvalues}, with {@code A = (H + Hᵀ)/2}:
 * <pre>
 *   if Â = D⁻¹AD⁻¹ = LLᵀ (positive definite to working precision):   p = −A⁻¹g = −D⁻¹(LLᵀ)⁻¹D⁻¹g
 *   else, with A = QΛQᵀ:                                           p = −Q·max(|Λ|, δ)⁻¹·Qᵀg
 * </pre>
 * with the scales {@code D = diag(dᵢ)} of {@link ScaledShiftedCholesky#scales}. Where A is positive definite
 * the modification leaves it alone (B = A, the Newton step), but an eigensolver computes each eigenvalue
 * only to about ε·‖A‖, so it cannot tell that a badly scaled A is positive definite: on Meyer's function
 * (MGH 10) near its minimum ‖H‖ ≈ 2.5e14, the smallest eigenvalue came out as 0 and was floored to δ, and
 * the step along its inaccurate eigenvector was 10⁶ times too long and rose f for every step length down to
 * rounding; modified Newton stalled 1.4e-6 or 5e-7 above f* (with ‖∇f‖ ≈ 2e4) as the kernels' last bits fell.
 * The scaled matrix's eigenvalues there are 3.0, 1.9e-3 and 3.5e-7, and its Cholesky factorization settles
 * positive definiteness accurately and invariantly under a diagonal rescaling of the variables. Only an
 * indefinite or numerically singular Â gets its eigenvalues flipped and floored, as before.
 */
final class ScaledEigenvalues {

    private ScaledEigenvalues() {
    }

    /** The step {@code −B⁻¹g} for Hessian {@code h}, gradient {@code g} and smallest eigenvalue δ (absolute). */
    static Tensor step(Tensor h, Tensor g, double delta) {
        Tensor a = h.add(h.transpose()).mul(0.5);
        int n = a.shape().dim(0);
        Tensor d = ScaledShiftedCholesky.scales(a);
        Tensor scaled = a.div(d.reshape(n, 1).mul(d.reshape(1, n)));
        Optional<Cholesky> factor = LinearAlgebra.cholesky(scaled);
        if (factor.isPresent()) {
            return factor.get().solve(g.div(d)).div(d).neg();
        }
        LinearAlgebra.SymmetricEigen eig = LinearAlgebra.symmetricEigen(a);
        Tensor q = eig.vectors();
        Tensor inverse = eig.values().abs().map(v -> 1 / Math.max(v, delta));
        return q.matmul(q.transpose().matmul(g).mul(inverse)).neg();
    }
}
