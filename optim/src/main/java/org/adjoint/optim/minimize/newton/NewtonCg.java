package org.adjoint.optim.minimize.newton;

import java.util.Objects;
import org.adjoint.core.Tensor;
import org.adjoint.optim.minimize.MinimizationResult;
import org.adjoint.optim.minimize.Minimizer;
import org.adjoint.optim.minimize.Objective;
import org.adjoint.optim.minimize.Stopping;
import org.adjoint.optim.minimize.internal.DescentLoop;
import org.adjoint.optim.minimize.internal.Directions;
import org.adjoint.optim.minimize.internal.Run;
import org.adjoint.optim.minimize.linesearch.LineSearch;

/**
 * Newton-CG, or truncated Newton (Nocedal and Wright, Algorithm 7.1): the Newton step is found by
 * conjugate gradients on {@code H·p = −∇f} using only Hessian-vector products, so the Hessian is
 * never formed and thousands of variables are cheap. CG stops when its residual is below
 * {@code min(0.5, √‖∇f‖)·‖∇f‖} (superlinear convergence), or on negative curvature, where it returns
 * the step so far (or −∇f on the first CG iteration); then a line search.
 *
 * @param lineSearch      how the step length is chosen
 * @param maxCgIterations the cap on CG iterations per step (0 for the dimension)
 */
public record NewtonCg(LineSearch lineSearch, int maxCgIterations) implements Minimizer {

    /** Refuses null components. */
    public NewtonCg {
        Objects.requireNonNull(lineSearch, "lineSearch");
    }

    /** Newton-CG with Armijo backtracking and at most n CG iterations per step. */
    public static NewtonCg standard() {
        return new NewtonCg(LineSearch.armijo(), 0);
    }

    @Override
    public MinimizationResult minimize(Objective f, Tensor x0, Stopping stopping) {
        Run run = new Run("NewtonCg", f, x0, stopping);
        int cap = maxCgIterations > 0 ? maxCgIterations : x0.size();
        Directions directions = at -> TruncatedConjugateGradient.lineSearchStep(at.gradient(),
                v -> run.objective().hessianVector(at.x(), v), withinBudget(cap, run));
        return DescentLoop.run(run, directions, lineSearch, x0);
    }

    /**
     * The CG iterations (one Hessian-vector product each) this step may make: the cap, but no more
     * than the run's evaluation budget leaves after one for the line search, and at least one.
     */
    private static int withinBudget(int cap, Run run) {
        return Math.max(1, Math.min(cap, run.remainingEvaluations() - 1));
    }
}
