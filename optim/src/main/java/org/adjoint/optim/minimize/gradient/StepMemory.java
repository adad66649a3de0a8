package org.adjoint.optim.minimize.gradient;

import org.adjoint.core.Tensor;
import org.adjoint.optim.minimize.internal.FirstStep;
import org.adjoint.optim.minimize.internal.Iterate;
import org.adjoint.optim.minimize.internal.Vectors;

/**
 * The first trial step for methods whose directions carry no natural scale (steepest descent,
 * conjugate gradients): assume the first-order change will match the last step's,
 * {@code α₀ = αₖ₋₁·∇fₖ₋₁ᵀdₖ₋₁ / ∇fₖᵀdₖ} (Nocedal and Wright, eq. 3.60), at most ten times the last
 * accepted step (in a zigzagging valley the ratio can be huge and cost many backtracks). With no last
 * step (the first iteration, or after {@link #reset()}) it is SciPy's scaled
 * {@code α₀ = min(1, 1.01·‖∇f‖/|∇fᵀd|)} (see {@link FirstStep}).
 */
final class StepMemory {

    private double lastDecrease = Double.NaN;
    private double lastStep = Double.NaN;
    private Tensor lastDirection;

    double initialStep(Iterate at, Tensor direction) {
        lastDirection = direction;
        double step = Math.min(lastDecrease / Vectors.dot(at.gradient(), direction), 10 * lastStep);
        return Double.isFinite(step) && step > 0 ? step : FirstStep.scaled(at, direction);
    }

    /** Remembers ∇fₖ·(xₖ₊₁ − xₖ) = αₖ·∇fₖᵀdₖ and αₖ. */
    void stepped(Iterate from, Iterate to) {
        Tensor move = to.x().sub(from.x());
        lastDecrease = Vectors.dot(from.gradient(), move);
        lastStep = lastDirection == null ? Double.NaN : Vectors.norm(move) / Vectors.norm(lastDirection);
    }

    /** Forgets the last step; returns whether there was one. */
    boolean reset() {
        boolean had = !Double.isNaN(lastDecrease);
        lastDecrease = Double.NaN;
        lastStep = Double.NaN;
        return had;
    }
}
