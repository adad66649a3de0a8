package org.adjoint.optim.minimize;

import java.util.List;
import java.util.Objects;
import org.adjoint.core.Tensor;

/**
 * What a minimization found. When a tolerance was met, {@code x} is the iterate where it held (for a
 * pure Newton step that can be a saddle point: check with {@link CriticalPoint}); when the run stopped
 * on a budget or a failure, it is the best point met (the lowest f), so nothing found is lost. For
 * descent methods the two are the same.
 *
 * @param x            the best point x*
 * @param value        f(x*)
 * @param gradientNorm ‖∇f(x*)‖₂ (NaN when the method never evaluated the gradient there)
 * @param iterations   the iterations taken
 * @param evaluations  the objective evaluations made, by kind
 * @param reason       why it stopped
 * @param message      the reason in words, with the values involved
 * @param trace        every iterate, x₀ first, for plotting
 * @param values       f at every iterate
 */
public record MinimizationResult(Tensor x, double value, double gradientNorm, int iterations, Evaluations evaluations,
                                 StopReason reason, String message, List<Tensor> trace, List<Double> values) {

    /** Copies the traces. */
    public MinimizationResult {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(evaluations, "evaluations");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
        trace = List.copyOf(trace);
        values = List.copyOf(values);
    }

    /** Whether a tolerance was met. */
    public boolean converged() {
        return reason.converged();
    }

    @Override
    public String toString() {
        return "MinimizationResult[" + reason + " after " + iterations + " iterations: f = " + value + ", ‖∇f‖ = "
                + gradientNorm + ", " + evaluations + "; " + message + "]";
    }
}
