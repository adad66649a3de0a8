package org.adjoint.autodiff.ops;

import org.adjoint.autodiff.BinaryOp;
import org.adjoint.autodiff.Var;
import org.adjoint.autodiff.engine.Pointwise;
import org.adjoint.core.Tensor;

/**
 * y = max(a, b) elementwise (broadcast);  ā = ȳ · [a > b],  b̄ = ȳ · [b > a], and where a = b each
 * gets half of ȳ, as {@code torch.maximum} does. The weights are data, so the second derivative is 0.
 * Where a or b is NaN, y is NaN and so are both weights, as for {@link Relu}: a NaN is not hidden
 * behind a zero gradient.
 */
public record Maximum() implements BinaryOp, Pointwise {

    public static final Maximum INSTANCE = new Maximum();

    @Override
    public Tensor forward(Tensor a, Tensor b) {
        return a.maximum(b);
    }

    @Override
    public Var vjpA(Var a, Var b, Var y, Var yBar) {
        return yBar.mul(Var.constant(a.value().zip(b.value(), Maximum::winnerWeight)));
    }

    @Override
    public Var vjpB(Var a, Var b, Var y, Var yBar) {
        return yBar.mul(Var.constant(b.value().zip(a.value(), Maximum::winnerWeight)));
    }

    /** The share of the gradient that goes to {@code p} when it is compared with {@code q}; NaN if either is. */
    static double winnerWeight(double p, double q) {
        return p > q ? 1 : p == q ? 0.5 : p < q ? 0 : Double.NaN;
    }
}
