package org.adjoint.optim.minimize.quasinewton;

import java.util.Optional;
import org.adjoint.core.Tensor;
import org.adjoint.optim.minimize.internal.Iterate;
import org.adjoint.optim.minimize.internal.Vectors;

/**
 * What one step teaches a quasi-Newton method about curvature: {@code s = xₖ₊₁ − xₖ},
 * {@code y = ∇fₖ₊₁ − ∇fₖ} and {@code sᵀy}. An update with the pair keeps the approximation positive
 * definite only if {@code sᵀy > 0}; both BFGS and L-BFGS skip a pair unless
 * {@code sᵀy > 1e-10·‖s‖·‖y‖}, so that rounding cannot pass for curvature (Nocedal and Wright,
 * section 6.1). The strong Wolfe line search guarantees {@code sᵀy > 0}; the test guards the others.
 *
 * @param s  the step
 * @param y  the change of the gradient
 * @param sy {@code sᵀy}, positive
 */
record CurvaturePair(Tensor s, Tensor y, double sy) {

    /** The smallest accepted cosine of the angle between s and y. */
    static final double MIN_COSINE = 1e-10;

    /** The pair of the step from {@code from} to {@code to}, or empty if it fails the curvature test. */
    static Optional<CurvaturePair> between(Iterate from, Iterate to) {
        Tensor s = to.x().sub(from.x());
        Tensor y = to.gradient().sub(from.gradient());
        double sy = Vectors.dot(y, s);
        if (!(sy > MIN_COSINE * Vectors.norm(s) * Vectors.norm(y))) {
            return Optional.empty();
        }
        return Optional.of(new CurvaturePair(s, y, sy));
    }

    /** {@code ρ = 1 / sᵀy}. */
    double rho() {
        return 1 / sy;
    }
}
