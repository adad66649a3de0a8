package org.adjoint.autodiff.ops;

import org.adjoint.autodiff.UnaryOp;
import org.adjoint.autodiff.Var;
import org.adjoint.autodiff.engine.Pointwise;
import org.adjoint.core.Tensor;

/**
 * y = min(max(x, low), high);  x̄ = ȳ · [low ≤ x ≤ high]. The gradient passes at the bounds
 * themselves, as in PyTorch. A NaN x gives a NaN y and a NaN x̄, as for {@link Relu} (PyTorch's
 * gradient there is 0).
 */
public record Clamp(double low, double high) implements UnaryOp, Pointwise {

    public Clamp {
        if (!(low <= high)) {
            throw new IllegalArgumentException("clamp: low " + low + " must not be above high " + high);
        }
    }

    @Override
    public Tensor forward(Tensor x) {
        return x.clamp(low, high);
    }

    @Override
    public Var vjp(Var x, Var y, Var yBar) {
        Tensor inside = x.value().map(v -> v >= low && v <= high ? 1 : v == v ? 0 : Double.NaN);
        return yBar.mul(Var.constant(inside));
    }
}
