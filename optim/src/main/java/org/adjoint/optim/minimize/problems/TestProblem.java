package org.adjoint.optim.minimize.problems;

import java.util.Objects;
import java.util.Optional;
import org.adjoint.autodiff.VarFunction;
import org.adjoint.core.Tensor;
import org.adjoint.optim.minimize.CountingObjective;
import org.adjoint.optim.minimize.Objective;

/**
 * One unconstrained test problem: minimize {@code function} over ℝⁿ from {@code start}.
 *
 * @param name      the problem's name, with its number and size, e.g. {@code "Penalty I (23), n = 10"}
 * @param number    its number in Moré, Garbow and Hillstrom (1981)
 * @param dimension n, the number of variables
 * @param function  f, written with {@code Var} operations
 * @param start     the standard starting point x₀, a vector of length n
 * @param fStar     the (global) minimum value f* the paper gives for this size; see {@code source}
 * @param minimizer a point x* with f(x*) = f*, where one is known exactly
 * @param source    where the function, x₀ and f* come from, and any other minimum worth knowing
 */
public record TestProblem(String name, int number, int dimension, VarFunction function, Tensor start, double fStar,
                          Optional<Tensor> minimizer, String source) {

    /**
     * Checks that the start and the minimizer are vectors of length {@code dimension}.
     *
     * @throws IllegalArgumentException naming the problem and the shapes otherwise
     */
    public TestProblem {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(minimizer, "minimizer");
        Objects.requireNonNull(source, "source");
        if (start.rank() != 1 || start.size() != dimension) {
            throw new IllegalArgumentException("TestProblem " + name + ": the start has shape " + start.shape()
                    + " but the dimension is " + dimension);
        }
        if (minimizer.isPresent() && !minimizer.get().shape().equals(start.shape())) {
            throw new IllegalArgumentException("TestProblem " + name + ": the minimizer has shape "
                    + minimizer.get().shape() + " but the start has shape " + start.shape());
        }
    }

    /** The objective of {@code function}, with exact derivatives by autodiff, counting its evaluations. */
    public CountingObjective objective() {
        return Objective.of(function);
    }

    /** f(x₀). */
    public double startValue() {
        return objective().value(start);
    }

    /**
     * Whether {@code value} solves this problem to relative accuracy τ:
     * {@code f − f* ≤ τ · max(1, |f*|)}.
     */
    public boolean solvedBy(double value, double tau) {
        return value - fStar <= tau * Math.max(1, Math.abs(fStar));
    }

    @Override
    public String toString() {
        return name;
    }
}
