package org.adjoint.autodiff.ops;

import org.adjoint.autodiff.UnaryOp;
import org.adjoint.autodiff.Var;
import org.adjoint.autodiff.engine.Pointwise;
import org.adjoint.core.Tensor;

/**
 * y = ln(1 + e^{βx}) / β, computed as (max(βx, 0) + ln(1 + e^{−|βx|})) / β so that it neither
 * overflows nor loses the small values;  x̄ = ȳ · σ(βx). As PyTorch's {@code softplus(x, beta)} without
 * its {@code threshold} switch to the identity (which changes the value by less than e^{−threshold}):
 * the stable form needs no switch, and stays smooth.
 */
public record Softplus(double beta) implements UnaryOp, Pointwise {

    /** β = 1: {@code ln(1 + eˣ)}. */
    public static final Softplus INSTANCE = new Softplus(1);

    public Softplus {
        if (!(beta > 0) || Double.isInfinite(beta)) {
            throw new IllegalArgumentException("softplus: beta = " + beta + " must be positive and finite");
        }
    }

    @Override
    public Tensor forward(Tensor x) {
        return x.map(v -> {
            double z = beta * v;
            return (Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)))) / beta;
        });
    }

    @Override
    public Var vjp(Var x, Var y, Var yBar) {
        return yBar.mul((beta == 1 ? x : x.mul(beta)).sigmoid());
    }
}
