package org.adjoint.autodiff;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of a {@link DerivativeCheck} or an {@link OpContract} check: how many comparisons were
 * made and one message per comparison that failed, each naming the input, the output index where
 * there is one, the direction seed where there is one, and both values with the tolerance.
 *
 * <pre>{@code
 * DerivativeCheck.defaults().all(f, seed, x).requirePassed();   // AssertionError listing every failure
 * }</pre>
 *
 * @param check       what was checked, e.g. {@code "first order"}
 * @param comparisons how many comparisons were made
 * @param failures    one message per failed comparison, in the order they were made
 */
public record CheckReport(String check, int comparisons, List<String> failures) {

    /** Copies the failures; refuses nulls and a negative count. */
    public CheckReport {
        Objects.requireNonNull(check, "check");
        failures = List.copyOf(failures);
        if (comparisons < 0) {
            throw new IllegalArgumentException("CheckReport: comparisons = " + comparisons + " must be >= 0");
        }
    }

    /** Whether no comparison failed. */
    public boolean passed() {
        return failures.isEmpty();
    }

    /**
     * Returns normally if the check passed.
     *
     * @throws AssertionError with {@link #toString()} (every failure) as its message otherwise
     */
    public void requirePassed() {
        if (!passed()) {
            throw new AssertionError(toString());
        }
    }

    /** This report and {@code other} as one: their comparisons and failures added, checks named together. */
    public CheckReport and(CheckReport other) {
        Objects.requireNonNull(other, "other");
        return new CheckReport(check + " + " + other.check,
                comparisons + other.comparisons,
                java.util.stream.Stream.concat(failures.stream(), other.failures.stream()).toList());
    }

    @Override
    public String toString() {
        String head = check + ": " + (passed() ? "passed" : "FAILED " + failures.size() + " of")
                + " " + comparisons + " comparisons";
        return failures.isEmpty() ? head : head + "\n  " + String.join("\n  ", failures);
    }
}
