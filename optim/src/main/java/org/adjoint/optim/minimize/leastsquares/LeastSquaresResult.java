package org.adjoint.optim.minimize.leastsquares;

import java.util.List;
import java.util.Objects;
import org.adjoint.core.Tensor;

/**
 * What a least-squares solve found: the best parameters met, and everything at them. With weights w,
 * {@code residuals} and {@code jacobian} are those of the weighted residuals {@code √wᵢ·rᵢ(θ)}, whose
 * squares the solver minimized.
 *
 * @param theta               the parameters θ*, the lowest cost met
 * @param cost                the cost at θ*: {@code ½‖r(θ*)‖²}, or {@code ½Σc²ρ(rᵢ²/c²)} with a robust {@link Loss}
 * @param residuals           r(θ*), length m
 * @param jacobian            J(θ*) = ∂r/∂θ, m × n
 * @param status              why the solve stopped
 * @param message             the status in words, with the values involved
 * @param iterations          the accepted steps
 * @param residualEvaluations the evaluations of r alone (the start and each trial point)
 * @param jacobianEvaluations the evaluations of J (one per iteration, one at θ*, one per polishing trial)
 * @param hessianEvaluations  the exact Hessians of the cost (Newton polishing, one per trial point and one at the start)
 * @param trace               θ at every accepted iterate, θ₀ first and θ* last (after polishing), for plotting
 * @param costs               the cost at each point of the trace
 */
public record LeastSquaresResult(Tensor theta, double cost, Tensor residuals, Tensor jacobian,
                                 LeastSquaresStatus status, String message, int iterations,
                                 int residualEvaluations, int jacobianEvaluations, int hessianEvaluations,
                                 List<Tensor> trace, List<Double> costs) {

    /** Refuses nulls. */
    public LeastSquaresResult {
        Objects.requireNonNull(theta, "theta");
        Objects.requireNonNull(residuals, "residuals");
        Objects.requireNonNull(jacobian, "jacobian");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
        trace = List.copyOf(trace);
        costs = List.copyOf(costs);
    }

    /** Whether a convergence test held. */
    public boolean converged() {
        return status.converged();
    }

    /** The residual sum of squares {@code ‖r(θ*)‖²} (2·cost for the linear loss). */
    public double residualSumOfSquares() {
        double norm = Norms.euclidean(residuals.toArray());
        return norm * norm;
    }

    @Override
    public String toString() {
        return "LeastSquaresResult[" + status + " after " + iterations + " iterations: cost = " + cost + ", "
                + residualEvaluations + " residual, " + jacobianEvaluations + " Jacobian and " + hessianEvaluations
                + " Hessian evaluations; " + message + "]";
    }
}
