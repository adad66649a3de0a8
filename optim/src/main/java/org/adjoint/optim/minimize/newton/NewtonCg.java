package org.adjoint.optim.minimize.newton;

import org.adjoint.core.Tensor;
import org.adjoint.optim.minimize.MinimizationResult;
import org.adjoint.optim.minimize.Minimizer;
import org.adjoint.optim.minimize.Objective;
import org.adjoint.optim.minimize.Stopping;
import org.adjoint.optim.minimize.internal.DescentLoop;
import org.adjoint.optim.minimize.internal.Directions;
import org.adjoint.optim.minimize.internal.Run;
import org.adjoint.optim.minimize.internal.Vectors;
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

    /** Newton-CG with Armijo backtracking and at most n CG iterations per step. */
    public static NewtonCg standard() {
        return new NewtonCg(LineSearch.armijo(), 0);
    }

    @Override
    public MinimizationResult minimize(Objective f, Tensor x0, Stopping stopping) {
        Run run = new Run("NewtonCg", f, x0, stopping);
        int cap = maxCgIterations > 0 ? maxCgIterations : x0.size();
        Directions directions = at -> {
            Tensor g = at.gradient();
            double gNorm = Vectors.norm(g);
            double tolerance = Math.min(0.5, Math.sqrt(gNorm)) * gNorm;
            Tensor z = Tensor.zeros(g.shape());
            Tensor r = g;
            Tensor d = g.neg();
            double rr = Vectors.dot(r, r);
            for (int j = 0; j < cap; j++) {
                Tensor hd = run.objective().hessianVector(at.x(), d);
                double curvature = Vectors.dot(d, hd);
                if (curvature <= 0) {
                    return j == 0 ? g.neg() : z;
                }
                double alpha = rr / curvature;
                z = Vectors.addScaled(z, alpha, d);
                r = Vectors.addScaled(r, alpha, hd);
                double rrNext = Vectors.dot(r, r);
                if (Math.sqrt(rrNext) < tolerance) {
                    return z;
                }
                d = Vectors.addScaled(r.neg(), rrNext / rr, d);
                rr = rrNext;
            }
            return z;
        };
        return DescentLoop.run(run, directions, lineSearch, x0);
    }
}
