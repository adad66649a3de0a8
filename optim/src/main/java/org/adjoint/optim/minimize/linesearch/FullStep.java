package org.adjoint.optim.minimize.linesearch;

import java.util.Objects;


/**
 * No line search: always the full step α = 1, accepted whatever φ(1) is (the pure Newton step), so
 * the initial step is ignored (but must still be positive and finite). A NaN or +∞ there ends the
 * search with {@link LineSearchStatus#NO_FINITE_STEP}, φ ≤ −1e300 with {@link LineSearchStatus#UNBOUNDED}.
 */
public record FullStep() implements LineSearch {

    private static final String NAME = "full step";

    @Override
    public LineSearchResult search(LineFunction phi, double initialStep) {
        Objects.requireNonNull(phi, "phi");
        LineSearchResult.checkInitialStep(NAME, initialStep);
        Trials trials = new Trials(NAME, phi, 1);
        if (!trials.left()) {
            return trials.failed(LineSearchStatus.BUDGET_EXHAUSTED, "no evaluation left for the step α = 1");
        }
        LinePoint p = trials.evaluate(1);
        if (p.isUnbounded()) {
            return trials.unbounded(p);
        }
        if (!p.isFinite()) {
            return trials.failed(LineSearchStatus.NO_FINITE_STEP, "f is " + p.value() + " at α = 1");
        }
        return trials.accepted(p);
    }
}
