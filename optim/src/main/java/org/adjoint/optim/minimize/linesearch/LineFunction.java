package org.adjoint.optim.minimize.linesearch;

import java.util.Objects;
import org.adjoint.core.Tensor;
import org.adjoint.optim.minimize.Evaluation;
import org.adjoint.optim.minimize.Objective;

/**
 * The objective restricted to a ray, {@code φ(α) = f(x + α·d)}, with {@code φ'(α) = ∇f(x + α·d)·d}:
 * what a {@link LineSearch} sees. It knows φ(0) and φ'(0) from the evaluation at x.
 */
public final class LineFunction {

    /**
     * The value at or below which f is taken to be unbounded below, −1e300: a trial with φ ≤ this
     * (−∞ included) ends a search with {@link LineSearchStatus#UNBOUNDED}, not as a step "too long".
     */
    public static final double UNBOUNDED = -1e300;

    private final Objective f;
    private final Tensor x;
    private final Tensor d;
    private final double value0;
    private final double slope0;
    private final int evaluationLimit;

    /**
     * The restriction of {@code f} to the ray from {@code x} along {@code d}, given f and ∇f at x, with
     * no limit on evaluations beyond the search's own budget.
     *
     * @throws IllegalArgumentException if the shapes of x, d and the gradient differ
     */
    public LineFunction(Objective f, Tensor x, Tensor d, Evaluation atX) {
        this(f, x, d, atX, Integer.MAX_VALUE);
    }

    /**
     * The restriction of {@code f} to the ray, of which a search may evaluate at most
     * {@code evaluationLimit} points whatever its own budget: what is left of a minimizer's evaluation
     * budget, so that a search never takes the run past it.
     *
     * @throws IllegalArgumentException if the shapes of x, d and the gradient differ, or the limit is negative
     */
    public LineFunction(Objective f, Tensor x, Tensor d, Evaluation atX, int evaluationLimit) {
        Objects.requireNonNull(f, "f");
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(d, "d");
        Objects.requireNonNull(atX, "atX");
        if (!x.shape().equals(d.shape()) || !x.shape().equals(atX.gradient().shape())) {
            throw new IllegalArgumentException("line search: the point " + x.shape() + ", direction " + d.shape()
                    + " and gradient " + atX.gradient().shape() + " must have one shape");
        }
        if (evaluationLimit < 0) {
            throw new IllegalArgumentException("line search: the evaluation limit must not be negative, got " + evaluationLimit);
        }
        this.evaluationLimit = evaluationLimit;
        this.f = f;
        this.x = x;
        this.d = d;
        this.value0 = atX.value();
        this.slope0 = atX.gradient().mul(d).sum().item();
    }

    /** φ(0) = f(x). */
    public double value0() {
        return value0;
    }

    /** φ'(0) = ∇f(x)·d, negative for a descent direction. */
    public double slope0() {
        return slope0;
    }

    /** The most points a search may evaluate on this line (Integer.MAX_VALUE: no limit beyond the search's). */
    public int evaluationLimit() {
        return evaluationLimit;
    }

    /** The direction d. */
    public Tensor direction() {
        return d;
    }

    /** The point {@code x + α·d}. */
    public Tensor point(double alpha) {
        return x.add(d.mul(alpha));
    }

    /** φ(α), one value evaluation. */
    public LinePoint value(double alpha) {
        Tensor p = point(alpha);
        return new LinePoint(alpha, p, f.value(p), null, Double.NaN);
    }

    /** φ(α) and φ'(α), one gradient evaluation. */
    public LinePoint evaluate(double alpha) {
        Tensor p = point(alpha);
        Evaluation e = f.evaluate(p);
        return new LinePoint(alpha, p, e.value(), e.gradient(), e.gradient().mul(d).sum().item());
    }
}
