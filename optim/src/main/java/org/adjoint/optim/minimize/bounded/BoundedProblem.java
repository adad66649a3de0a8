package org.adjoint.optim.minimize.bounded;

import java.util.Objects;
import org.adjoint.core.Tensor;
import org.adjoint.optim.minimize.CountingObjective;
import org.adjoint.optim.minimize.problems.TestProblem;

/**
 * A test problem with bounds: minimize {@code problem.function()} over {@code bounds} from
 * {@code problem.start()} (which may lie outside the box: the minimizers project it).
 *
 * @param name    the name, with the unconstrained problem's number and size and a hint of the bounds
 * @param problem the unconstrained problem (function, start, size)
 * @param bounds  the box, of the problem's dimension
 * @param fStar   the constrained minimum value reached from the start (see {@code source})
 * @param source  where the bounds and f* come from
 */
public record BoundedProblem(String name, TestProblem problem, Bounds bounds, double fStar, String source) {

    /**
     * Checks that the bounds fit the problem.
     *
     * @throws IllegalArgumentException naming the problem and both sizes otherwise
     */
    public BoundedProblem {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(bounds, "bounds");
        Objects.requireNonNull(source, "source");
        if (bounds.dimension() != problem.dimension()) {
            throw new IllegalArgumentException("BoundedProblem " + name + ": the bounds are for " + bounds.dimension()
                    + " variables but the problem has " + problem.dimension());
        }
    }

    /** The objective, with exact derivatives by autodiff, counting its evaluations. */
    public CountingObjective objective() {
        return problem.objective();
    }

    /** The standard start x₀ of the unconstrained problem. */
    public Tensor start() {
        return problem.start();
    }

    /** Whether {@code value} reaches f* to relative accuracy τ: {@code f − f* ≤ τ·max(1, |f*|)}. */
    public boolean solvedBy(double value, double tau) {
        return value - fStar <= tau * Math.max(1, Math.abs(fStar));
    }

    @Override
    public String toString() {
        return name;
    }
}
