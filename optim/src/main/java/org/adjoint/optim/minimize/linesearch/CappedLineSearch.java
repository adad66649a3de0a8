package org.adjoint.optim.minimize.linesearch;

/**
 * A line search with a largest step, which a bound-constrained method sets at every iteration to the
 * distance along d to the boundary of the box (L-BFGS-B). Moré–Thuente and Hager–Zhang are capped
 * searches; a trial never exceeds the cap, and φ still decreasing there ends the search with
 * {@link LineSearchStatus#STEP_BOUND_REACHED}.
 */
public interface CappedLineSearch extends LineSearch {

    /** The largest step the search tries. */
    double maxStep();

    /**
     * This search with steps capped at {@code maxStep}.
     *
     * @throws IllegalArgumentException if {@code maxStep} is not positive
     */
    CappedLineSearch withMaxStep(double maxStep);
}
