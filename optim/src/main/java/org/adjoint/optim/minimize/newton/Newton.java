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
 *   <li>{@link #modified()}: B = H + τ·diag(|H|) made positive definite (Nocedal and Wright, Algorithm 3.3,
 *       on the Hessian scaled to a unit diagonal: see {@link HessianModification#addMultipleOfIdentity})
 *       with an Armijo line search: robust on indefinite, singular or badly scaled Hessians.
 * </ul>
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

    /** Modified Newton: {@code HessianModification.addMultipleOfIdentity(1e-3)}, with Armijo backtracking. */
    public static Newton modified() {
        return new Newton(HessianModification.addMultipleOfIdentity(1e-3), LineSearch.armijo());
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
