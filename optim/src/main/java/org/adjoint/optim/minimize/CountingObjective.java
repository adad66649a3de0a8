package org.adjoint.optim.minimize;

import org.adjoint.core.Tensor;

/**
 * An objective that counts the evaluations made through it. Counters are per instance, and every
 * minimization wraps its objective in a fresh one, so a result's counts are that run's alone.
 * Not thread-safe: use one per thread.
 */
public final class CountingObjective implements Objective {

    private final Objective objective;
    private int values;
    private int gradients;
    private int hessians;
    private int hessianVectorProducts;

    CountingObjective(Objective objective) {
        this.objective = objective instanceof CountingObjective c ? c.objective : objective;
    }

    @Override
    public double value(Tensor x) {
        values++;
        return objective.value(x);
    }

    @Override
    public Evaluation evaluate(Tensor x) {
        gradients++;
        return objective.evaluate(x);
    }

    @Override
    public Tensor hessian(Tensor x) {
        hessians++;
        return objective.hessian(x);
    }

    @Override
    public Tensor hessianVector(Tensor x, Tensor v) {
        hessianVectorProducts++;
        return objective.hessianVector(x, v);
    }

    /** The evaluations made so far. */
    public Evaluations counts() {
        return new Evaluations(values, gradients, hessians, hessianVectorProducts);
    }
}
