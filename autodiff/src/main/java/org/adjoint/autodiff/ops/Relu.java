package org.adjoint.autodiff.ops;

import org.adjoint.autodiff.UnaryOp;
import org.adjoint.autodiff.Var;
import org.adjoint.autodiff.engine.Pointwise;
import org.adjoint.core.Tensor;

/**
 * y = max(x, 0);  x̄ = ȳ · [x > 0]. The subgradient at 0 is 0, as in PyTorch; the step mask is data,
 * so relu'' = 0. A NaN input gives a NaN output and a NaN gradient (PyTorch's gradient there is 0).
 */
public record Relu() implements UnaryOp, Pointwise {

    public static final Relu INSTANCE = new Relu();

    @Override
    public Tensor forward(Tensor x) {
        return x.relu();
    }

    @Override
    public Var vjp(Var x, Var y, Var yBar) {
        return Var.apply(new MulPositiveMask(x.value()), yBar);
    }
}
