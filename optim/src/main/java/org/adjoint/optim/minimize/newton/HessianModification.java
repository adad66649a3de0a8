package org.adjoint.optim.minimize.newton;

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
     * Cholesky with added multiple of the identity (Nocedal and Wright, <i>Numerical Optimization</i>,
     * 2nd ed., Algorithm 3.3), applied to the Hessian scaled to a unit diagonal. With the symmetric part
     * {@code A = (H + Hᵀ)/2} (a computed Hessian is symmetric only to rounding) and
     * {@code D = diag(dᵢ)}, {@code dᵢ = √max(|aᵢᵢ|, ε·max|aⱼₖ|)}, it factors {@code Â + τI}, {@code Â = D⁻¹AD⁻¹}:
     * <pre>
     *   τ₀ = 0 if min âᵢᵢ > 0, else −min âᵢᵢ + β
     *   τₖ₊₁ = max(2τₖ, β)  until Â + τₖI = LLᵀ succeeds
     *   p = −D⁻¹(Â + τI)⁻¹D⁻¹∇f,  that is  (A + τ·D²)·p = −∇f
     * </pre>
     * The shift is Marquardt's {@code τ·D² ≈ τ·diag(|A|)} (Marquardt 1963; Moré 1978 §6) instead of τI. Without
     * the scaling, a badly scaled Hessian that is positive definite (diagonal entries 1e10 and 1e-2, say)
     * fails the factorization's pivot test {@code 1e-12·max aᵢᵢ}, and the shift that then makes it pass
     * swamps the small curvatures: the step becomes steepest descent in those directions and the method
     * crawls (on Moré, Garbow and Hillstrom's problems 3 and 10, Powell badly scaled and Meyer, it stopped at
     * 1,000 iterations far from f*; scaled, it reaches f* in 53 and 171). Scaled, the
     * method is invariant under a diagonal rescaling of the variables, and β is relative to the unit
     * diagonal.
     *
     * @param beta the smallest shift tried, relative to the scaled diagonal, e.g. 1e-3
     */
    static HessianModification addMultipleOfIdentity(double beta) {
        if (!(beta > 0) || Double.isInfinite(beta)) {
            throw new IllegalArgumentException("addMultipleOfIdentity: beta = " + beta + " must be positive and finite");
        }
        return (h, g) -> ScaledShiftedCholesky.step(h, g, beta);
    }

    /**
     * Eigenvalue modification: with {@code H = QΛQᵀ} (H symmetrized as (H + Hᵀ)/2 first), use
     * {@code B = Q·max(|Λ|, δ)·Qᵀ}, which flips negative curvature into descent and bounds the step
     * where H is nearly singular (Nocedal and Wright, section 3.4, with |λ| in place of their δ for a
     * negative λ, as Gill, Murray and Wright's "absolute value" modification). δ is absolute: on the
     * Moré–Garbow–Hillstrom problems a δ relative to max|λ| solved fewer (27 of 33 against 30). Where H is
     * positive definite, B = H: that is decided by a Cholesky factorization of H scaled to a unit diagonal
     * (as in {@link #addMultipleOfIdentity}), which then gives the Newton step, because an eigensolver finds
     * the small eigenvalues of a badly scaled H only to about ε·‖H‖ and may floor a positive one to δ along an
     * inaccurate eigenvector (Meyer's function, MGH 10: a step 10⁶ times too long, and a stall above f*).
     * The default of {@link Newton#modified()}.
     *
     * @param delta the smallest eigenvalue allowed, e.g. 1e-8
     */
    static HessianModification eigenvalues(double delta) {
        if (!(delta > 0) || Double.isInfinite(delta)) {
            throw new IllegalArgumentException("eigenvalues: delta = " + delta + " must be positive and finite");
        }
        return (h, g) -> ScaledEigenvalues.step(h, g, delta);
    }
}
