package org.adjoint.spark.ml;

import org.adjoint.core.Tensor;
import org.adjoint.optim.minimize.Evaluation;
import org.adjoint.optim.minimize.Objective;

/**
 * F(θ) = f(θ)/N: a summed objective as a mean over its N rows, so that tolerances and the first
 * L-BFGS step do not depend on how many rows there are.
 */
final class MeanObjective implements Objective {

    private final Objective sum;
    private final double rows;

    MeanObjective(Objective sum, long rows) {
        this.sum = sum;
        this.rows = rows;
    }

    @Override
    public double value(Tensor x) {
        return sum.value(x) / rows;
    }

    @Override
    public Evaluation evaluate(Tensor x) {
        Evaluation e = sum.evaluate(x);
        return new Evaluation(e.value() / rows, e.gradient().div(rows));
    }

    @Override
    public Tensor hessian(Tensor x) {
        return sum.hessian(x).div(rows);
    }

    @Override
    public Tensor hessianVector(Tensor x, Tensor v) {
        return sum.hessianVector(x, v).div(rows);
    }
}
