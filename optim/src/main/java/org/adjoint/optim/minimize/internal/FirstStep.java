package org.adjoint.optim.minimize.internal;

import org.adjoint.core.Tensor;

/**
 * The first trial step of a method with no memory of earlier steps (the first iteration, or after a
 * reset), SciPy's rule ({@code scipy.optimize} {@code _minimize_bfgs} and {@code _minimize_cg} with
 * {@code line_search_wolfe1/2}): assume the first step lowers f by {@code Δf = ‖∇f‖/2} and take
 * <pre>
 *   α₀ = min(1, 1.01 · 2·Δf / |φ'(0)|) = min(1, 1.01·‖∇f‖ / |∇fᵀd|)      (= min(1, 1.01/‖∇f‖) for d = −∇f)
 * </pre>
 * so that a large gradient does not throw the first trial far away (onto a plateau or into overflow).
 * Where the ratio is not positive and finite, α₀ = 1.
 */
public final class FirstStep {

    private FirstStep() {
    }

    /** α₀ for the search from {@code at} along {@code direction}. */
    public static double scaled(Iterate at, Tensor direction) {
        double step = 1.01 * at.gradientNorm() / -Vectors.dot(at.gradient(), direction);
        return Double.isFinite(step) && step > 0 ? Math.min(1, step) : 1;
    }
}
