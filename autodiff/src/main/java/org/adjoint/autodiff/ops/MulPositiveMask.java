package org.adjoint.autodiff.ops;

import java.util.Objects;
import org.adjoint.autodiff.UnaryOp;
import org.adjoint.autodiff.Var;
import org.adjoint.autodiff.engine.Pointwise;
import org.adjoint.core.Tensor;

/**
 * y = u · [x > 0] for a constant tensor x (the mask is data);  ū = ȳ · [x > 0]. Relu's derivative
 * rule, in one pass where {@code u.mul(constant(x.positiveMask()))} took two and a mask-sized array;
 * the same bits (NaN where x is NaN). Linear in u, so its own rule is itself.
 *
 * @param x the tensor whose positive elements let u through; u must broadcast with it
 */
public record MulPositiveMask(Tensor x) implements UnaryOp, Pointwise {

    public MulPositiveMask {
        Objects.requireNonNull(x, "x");
    }

    @Override
    public Tensor forward(Tensor u) {
        return u.mulPositiveMask(x);
    }

    @Override
    public Var vjp(Var u, Var y, Var yBar) {
        return Var.apply(this, yBar);
    }
}
