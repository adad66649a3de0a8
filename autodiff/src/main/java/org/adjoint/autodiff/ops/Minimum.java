package org.adjoint.autodiff.ops;

import org.adjoint.autodiff.BinaryOp;
import org.adjoint.autodiff.Var;
import org.adjoint.autodiff.engine.Pointwise;
import org.adjoint.core.Tensor;

/**
 * y = min(a, b) elementwise (broadcast);  ā = ȳ · [a &lt; b],  b̄ = ȳ · [b &lt; a], and where a = b each
 * gets half of ȳ, as {@code torch.minimum} does. A NaN in a or b gives NaN weights, as in {@link Maximum}.
 */
public record Minimum() implements BinaryOp, Pointwise {

    public static final Minimum INSTANCE = new Minimum();

    @Override
    public Tensor forward(Tensor a, Tensor b) {
        return a.minimum(b);
    }

    @Override
    public Var vjpA(Var a, Var b, Var y, Var yBar) {
        return yBar.mul(Var.constant(b.value().zip(a.value(), Maximum::winnerWeight)));
    }

    @Override
    public Var vjpB(Var a, Var b, Var y, Var yBar) {
        return yBar.mul(Var.constant(a.value().zip(b.value(), Maximum::winnerWeight)));
    }
}
