package org.adjoint.optim.minimize.gradient;

import java.util.Objects;
import org.adjoint.core.Tensor;
import org.adjoint.optim.minimize.MinimizationResult;
import org.adjoint.optim.minimize.Minimizer;
import org.adjoint.optim.minimize.Objective;
import org.adjoint.optim.minimize.Stopping;
import org.adjoint.optim.minimize.internal.DescentLoop;
import org.adjoint.optim.minimize.internal.Directions;
import org.adjoint.optim.minimize.internal.Iterate;
import org.adjoint.optim.minimize.internal.Run;
import org.adjoint.optim.minimize.linesearch.LineSearch;

/**
 * Steepest descent: search along {@code d = −∇f(x)} with any line search. The first trial step
 * assumes the same first-order decrease as the previous iteration (Nocedal and Wright, eq. 3.60).
 *
 * @param lineSearch how the step is chosen
 */
public record SteepestDescent(LineSearch lineSearch) implements Minimizer {

    /** Refuses null components. */
    public SteepestDescent {
        Objects.requireNonNull(lineSearch, "lineSearch");
    }

    /** Steepest descent with Armijo backtracking. */
    public static SteepestDescent withArmijo() {
        return new SteepestDescent(LineSearch.armijo());
    }

    @Override
    public MinimizationResult minimize(Objective f, Tensor x0, Stopping stopping) {
        StepMemory memory = new StepMemory();
        Directions directions = new Directions() {
            @Override
            public Tensor direction(Iterate at) {
                return at.gradient().neg();
            }

            @Override
            public double initialStep(Iterate at, Tensor direction) {
                return memory.initialStep(at, direction);
            }

            @Override
            public void stepped(Iterate from, Iterate to) {
                memory.stepped(from, to);
            }
        };
        return DescentLoop.run(new Run("SteepestDescent", f, x0, stopping), directions, lineSearch, x0);
    }
}
