package org.adjoint.optim.minimize.internal;

import org.adjoint.core.Tensor;

/**
 * The first trial step from the last iteration's decrease of f, SciPy's rule for BFGS and CG
 * ({@code scipy.optimize.line_search_wolfe1}, after Fletcher): assume this step lowers f as much as
 * the last one did, along a quadratic model of φ,
 * <pre>
 *   α₀ = min(1, 1.01 · 2·(fₖ − fₖ₋₁) / φ'(0))
 * </pre>
 * (1 where that is not positive and finite). With no last step (the first iteration, or after
 * {@link #reset()}) the last decrease is taken to be {@code ‖∇f‖/2}, which gives {@link FirstStep}'s
 * {@code min(1, 1.01·‖∇f‖/|∇fᵀd|)}.
 */
public final class PreviousDecrease {

    private double lastDecrease = Double.NaN;

    /** α₀ for the search from {@code at} along {@code direction}. */
    public double initialStep(Iterate at, Tensor direction) {
        if (Double.isNaN(lastDecrease)) {
            return FirstStep.scaled(at, direction);
        }
        double step = 1.01 * 2 * lastDecrease / -Vectors.dot(at.gradient(), direction);
        return Double.isFinite(step) && step > 0 ? Math.min(1, step) : 1;
    }

    /** Remembers {@code f(from) − f(to)}. */
    public void stepped(Iterate from, Iterate to) {
        lastDecrease = from.value() - to.value();
    }

    /** Forgets the last decrease; returns whether there was one. */
    public boolean reset() {
        boolean had = !Double.isNaN(lastDecrease);
        lastDecrease = Double.NaN;
        return had;
    }
}
