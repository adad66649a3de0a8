package org.adjoint.optim.minimize.newton;

import java.util.Optional;
import org.adjoint.core.Cholesky;
import org.adjoint.core.LinearAlgebra;
import org.adjoint.core.Tensor;
import org.adjoint.optim.minimize.internal.HessianException;

/**
 * The step of {@link HessianModification#addMultipleOfIdentity}: Nocedal and Wright's Algorithm 3.3 on
 * the symmetrized Hessian {@code A = (H + Hᵀ)/2} scaled to a unit diagonal. With
 * {@code D = diag(dᵢ)}, {@code dᵢ = √max(|aᵢᵢ|, ε·max|aⱼₖ|)} (ε the machine epsilon; D = I when A = 0),
 * the method factors {@code Â + τI} with {@code Â = D⁻¹AD⁻¹}:
 * <pre>
 *   τ₀ = 0 if min âᵢᵢ > 0, else −min âᵢᵢ + β;    τₖ₊₁ = max(2τₖ, β) until Â + τₖI = LLᵀ succeeds
 *   p  = −D⁻¹(Â + τI)⁻¹D⁻¹g,  that is  (A + τD²)·p = −g
 * </pre>
 * The shift is thus Marquardt's (1963) {@code τ·D² ≈ τ·diag(|A|)} rather than τI, and β is relative to the unit
 * diagonal.
 */
final class ScaledShiftedCholesky {

    /** Factorizations tried before giving up; τ = β·2¹⁹⁹ is far beyond any shift a scaled matrix needs. */
    private static final int ATTEMPTS = 200;

    private ScaledShiftedCholesky() {
    }

    /** The step {@code −(A + τD²)⁻¹g} for Hessian {@code h}, gradient {@code g} and smallest shift β. */
    static Tensor step(Tensor h, Tensor g, double beta) {
        Tensor a = h.add(h.transpose()).mul(0.5);
        int n = a.shape().dim(0);
        Tensor d = scales(a);
        Tensor scaled = a.div(d.reshape(n, 1).mul(d.reshape(1, n)));
        double minDiagonal = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            minDiagonal = Math.min(minDiagonal, scaled.get(i, i));
        }
        double tau = minDiagonal > 0 ? 0 : -minDiagonal + beta;
        Tensor identity = Tensor.identity(n);
        Tensor scaledGradient = g.div(d);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<Cholesky> factor = LinearAlgebra.cholesky(tau == 0 ? scaled : scaled.add(identity.mul(tau)));
            if (factor.isPresent()) {
                return factor.get().solve(scaledGradient).div(d).neg();
            }
            tau = Math.max(2 * tau, beta);
        }
        throw new HessianException("no shift τ up to " + tau / 2 + " made the scaled H + τI positive definite");
    }

    /** {@code dᵢ = √max(|aᵢᵢ|, ε·max|aⱼₖ|)}, or all ones for the zero matrix. */
    static Tensor scales(Tensor a) {
        double largest = a.abs().max().item();
        if (largest == 0) {
            return Tensor.ones(a.shape().dim(0));
        }
        double floor = Math.ulp(1.0) * largest;
        int n = a.shape().dim(0);
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = Math.sqrt(Math.max(Math.abs(a.get(i, i)), floor));
        }
        return Tensor.vector(d);
    }
}
