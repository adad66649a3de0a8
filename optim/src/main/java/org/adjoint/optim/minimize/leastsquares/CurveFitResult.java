package org.adjoint.optim.minimize.leastsquares;

import java.util.Objects;
import org.adjoint.core.Tensor;

/**
 * A fitted model y ≈ f(x; θ) with the statistics of {@code scipy.optimize.curve_fit}
 * ({@code absolute_sigma=False}): the covariance {@code σ̂²·(JᵀJ)⁻¹} of the estimates, J the Jacobian
 * of the (σ-scaled) residuals at θ*, {@code σ̂² = RSS/(m − n)}, and the standard errors, its
 * diagonal's square roots. When J is rank-deficient at θ* or m = n the covariance cannot be
 * estimated and is filled with +∞, as SciPy's {@code lm} does.
 *
 * @param theta                the estimates θ*
 * @param covariance           their covariance, n × n
 * @param standardErrors       the square roots of its diagonal
 * @param residualSumOfSquares {@code RSS = Σ((f(xᵢ; θ*) − yᵢ)/σᵢ)²}
 * @param degreesOfFreedom     m − n
 * @param solve                the least-squares solve: status, residuals, Jacobian and counts
 */
public record CurveFitResult(Tensor theta, Tensor covariance, Tensor standardErrors, double residualSumOfSquares,
                             int degreesOfFreedom, LeastSquaresResult solve) {

    /** Refuses nulls. */
    public CurveFitResult {
        Objects.requireNonNull(theta, "theta");
        Objects.requireNonNull(covariance, "covariance");
        Objects.requireNonNull(standardErrors, "standardErrors");
        Objects.requireNonNull(solve, "solve");
    }

    /** Why the solve stopped. */
    public LeastSquaresStatus status() {
        return solve.status();
    }

    /** Whether a convergence test held. */
    public boolean converged() {
        return solve.converged();
    }

    /** The residual variance {@code σ̂² = RSS/(m − n)} (+∞ when m = n). */
    public double residualVariance() {
        return degreesOfFreedom == 0 ? Double.POSITIVE_INFINITY : residualSumOfSquares / degreesOfFreedom;
    }

    @Override
    public String toString() {
        return "CurveFitResult[θ = " + theta + ", standard errors " + standardErrors + ", RSS = " + residualSumOfSquares
                + ", " + degreesOfFreedom + " degrees of freedom; " + solve + "]";
    }
}
