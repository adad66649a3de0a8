package org.adjoint.optim.minimize.bounded;

import java.util.List;
import java.util.Objects;

/**
 * The variables of a point that sit at one of their bounds ({@link Bounds#activeSet}). A fixed variable
 * ({@code lᵢ = uᵢ}) is in both lists; every other variable is in at most one.
 *
 * @param atLower the indices i with {@code xᵢ = lᵢ}, increasing
 * @param atUpper the indices i with {@code xᵢ = uᵢ}, increasing
 */
public record ActiveSet(List<Integer> atLower, List<Integer> atUpper) {

    /** Copies the lists. */
    public ActiveSet {
        atLower = List.copyOf(Objects.requireNonNull(atLower, "atLower"));
        atUpper = List.copyOf(Objects.requireNonNull(atUpper, "atUpper"));
    }

    /** Whether variable i sits at a bound. */
    public boolean isActive(int i) {
        return atLower.contains(i) || atUpper.contains(i);
    }

    /** Whether no variable sits at a bound. */
    public boolean isEmpty() {
        return atLower.isEmpty() && atUpper.isEmpty();
    }

    @Override
    public String toString() {
        return isEmpty() ? "no active bounds" : "at lower bound: " + atLower + ", at upper bound: " + atUpper;
    }
}
