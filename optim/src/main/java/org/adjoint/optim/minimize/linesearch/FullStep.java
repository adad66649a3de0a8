package org.adjoint.optim.minimize.linesearch;


/**
 * No line search: always the full step α = 1, accepted whatever φ(1) is (the pure Newton step).
 * Only a NaN or an infinite value stops it.
 */
public record FullStep() implements LineSearch {

    @Override
    public LineSearchResult search(LineFunction phi, double initialStep) {
        LinePoint p = phi.evaluate(1);
        if (!Double.isFinite(p.value())) {
            return LineSearchResult.failed("full step: f is " + p.value() + " at α = 1", 1);
        }
        return LineSearchResult.accepted(p, 1);
    }
}
