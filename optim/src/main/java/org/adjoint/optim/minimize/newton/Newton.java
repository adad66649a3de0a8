package org.adjoint.optim.minimize.newton;

import java.util.Objects;
import org.adjoint.core.Tensor;
import org.adjoint.optim.minimize.MinimizationResult;
import org.adjoint.optim.minimize.Minimizer;
import org.adjoint.optim.minimize.Objective;
import org.adjoint.optim.minimize.Stopping;
import org.adjoint.optim.minimize.internal.DescentLoop;
import org.adjoint.optim.minimize.internal.Directions;
import org.adjoint.optim.minimize.internal.HessianException;
import org.adjoint.optim.minimize.internal.Run;
import org.adjoint.optim.minimize.linesearch.FullStep;
import org.adjoint.optim.minimize.linesearch.LineSearch;

/**
 * Newton's method with the exact Hessian, {@code x' = x − α·B⁻¹∇f(x)}: the lessons' {@code x − H⁻¹∇f}.
 * <ul>
 *   <li>{@link #pure()}: B = H and α = 1, no line search; quadratic convergence near a minimum with a
 *       positive definite Hessian, no guarantee elsewhere.
 *   <li>{@link #damped()}: B = H with an Armijo line search.
 *   <li>{@link #modified()}: B = Q·max(|Λ|, δ)·Qᵀ from H = QΛQᵀ (Nocedal and Wright, section 3.4, see
 *       {@link HessianModification#eigenvalues}) with an Armijo line search: robust on indefinite or
 *       singular Hessians, and the full Newton step wherever H is positive definite.
 * </ul>
 *
 * <p>Why the eigenvalue modification is the default: on the Moré–Garbow–Hillstrom problems it solves
 * as many as the scaled shift {@code B = H + τ·diag(|H|)} ({@link HessianModification#addMultipleOfIdentity},
 * Nocedal and Wright's Algorithm 3.3 on the Hessian scaled to a unit diagonal) in fewer iterations
 * (median 9 against 13, BENCHMARKS.md): flipping a negative eigenvalue keeps the step's length along
 * that direction, where a shift shortens the step in every direction until the most negative one is
 * cured. The shift needs only Cholesky factorizations, a few times cheaper than an eigendecomposition
 * for large n: {@code new Newton(HessianModification.addMultipleOfIdentity(1e-3), LineSearch.armijo())}.
 *
 * @param modification how H becomes B
 * @param lineSearch   how α is chosen
 */
public record Newton(HessianModification modification, LineSearch lineSearch) implements Minimizer {

    /** Refuses null components. */
    public Newton {
        Objects.requireNonNull(modification, "modification");
        Objects.requireNonNull(lineSearch, "lineSearch");
    }

    /** The pure Newton step. */
    public static Newton pure() {
        return new Newton(HessianModification.none(), new FullStep());
    }

    /** The Newton direction with Armijo backtracking. */
    public static Newton damped() {
        return new Newton(HessianModification.none(), LineSearch.armijo());
    }

    /** Modified Newton: {@code HessianModification.eigenvalues(1e-8)}, with Armijo backtracking. */
    public static Newton modified() {
        return new Newton(HessianModification.eigenvalues(1e-8), LineSearch.armijo());
    }

    @Override
    public MinimizationResult minimize(Objective f, Tensor x0, Stopping stopping) {
        Run run = new Run("Newton", f, x0, stopping);
        Directions directions = at -> {
            Tensor h = run.objective().hessian(at.x());
            if (!h.isFinite()) {
                throw new HessianException("the Hessian is not finite");
            }
            return modification.step(h, at.gradient());
        };
        return DescentLoop.run(run, directions, lineSearch, x0);
    }
}
