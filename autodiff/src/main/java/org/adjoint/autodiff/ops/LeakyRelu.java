package org.adjoint.autodiff.ops;

import org.adjoint.autodiff.UnaryOp;
import org.adjoint.autodiff.Var;
import org.adjoint.autodiff.engine.Pointwise;
import org.adjoint.core.Tensor;

/**
 * y = x for x &gt; 0 and slope · x otherwise;  x̄ = ȳ · (x &gt; 0 ? 1 : slope). The subgradient at 0 is
 * the slope, as in PyTorch's {@code leaky_relu}; the factor is data, so the second derivative is 0. A
 * NaN input gives a NaN output and a NaN gradient, as for {@link Relu}.
 */
public record LeakyRelu(double slope) implements UnaryOp, Pointwise {

    public LeakyRelu {
        if (!Double.isFinite(slope)) {
            throw new IllegalArgumentException("leakyRelu: the negative slope " + slope + " must be finite");
        }
    }

    @Override
    public Tensor forward(Tensor x) {
        return x.map(v -> v > 0 ? v : v * slope);
    }

    @Override
    public Var vjp(Var x, Var y, Var yBar) {
        return yBar.mul(Var.constant(x.value().map(v -> v > 0 ? 1 : v == v ? slope : Double.NaN)));
    }
}
