package org.adjoint.optim.leastsquares;

import org.adjoint.autodiff.Backward;
import org.adjoint.autodiff.Derivatives;
import org.adjoint.autodiff.Var;
import org.adjoint.autodiff.VarFunction;
import org.adjoint.core.Tensor;

/**
 * Exact Jacobians of a residual function r: ℝⁿ → ℝᵐ with reverse mode only, at the cost of
 * min(m, n) sweeps rather than m. When m ≤ n: {@link Derivatives#jacobian}, one backward sweep per
 * residual. When m > n (the usual least-squares shape): the columns of J by the transpose of the
 * linearized vector-Jacobian product: {@code g(u) = ∇_θ⟨u, r(θ)⟩ = Jᵀu} is recorded once as a
 * differentiable function of u, and since it is linear in u, its n rows of ∂g/∂u, one backward sweep
 * each, are J's columns. Both are exact; the second records the first-order backward graph once (the
 * derivative rules are themselves differentiable), so it costs about n small multiples of one
 * evaluation instead of m. The seed is u = (1, …, 1), not 0: any u gives the same Jᵀ, but the engine
 * pulls an exactly-zero cotangent back to zero whatever the local derivative (see
 * {@code org.adjoint.autodiff.engine.Pointwise}), so at u = 0 an infinite derivative (√ at 0) would
 * come out as 0 instead of ∞ as reverse mode gives it. When forward mode lands in autodiff, {@code Derivatives.jacobian} makes
 * the same choice and this class can delegate to it.
 */
final class Jacobians {

    private Jacobians() {
    }

    /** J(θ) as an m × n tensor; {@code m} is r's length (known from an evaluation at the start). */
    static Tensor of(VarFunction r, Tensor theta, int m) {
        int n = theta.shape().size();
        if (m <= n) {
            return Derivatives.jacobian(r, theta);
        }
        VarFunction transposedVjp = u -> {
            Var t = Var.param(theta);
            Var y = r.apply(t);
            if (y.shape().rank() != 1 || y.shape().dim(0) != u.shape().dim(0)) {
                return y;
            }
            return Backward.of(y.mul(u).sum()).allowingUnused().differentiableGradient(t);
        };
        Tensor jt = Derivatives.jacobian(transposedVjp, Tensor.ones(m));
        if (jt.shape().rank() != 2 || jt.shape().dim(0) != n) {
            return Derivatives.jacobian(r, theta);
        }
        return jt.transpose();
    }
}
