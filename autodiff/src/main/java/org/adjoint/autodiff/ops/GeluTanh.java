package org.adjoint.autodiff.ops;

import org.adjoint.autodiff.UnaryOp;
import org.adjoint.autodiff.Var;
import org.adjoint.autodiff.engine.Pointwise;
import org.adjoint.core.Tensor;

/**
 * GELU's tanh approximation, PyTorch's {@code gelu(x, approximate='tanh')}: y = x/2 · (1 + tanh u)
 * with u = √(2/π) · (x + 0.044715 x³);  x̄ = ȳ · ((1 + t)/2 + x/2 · (1 − t²) · u′) with t = tanh u and
 * u′ = √(2/π) · (1 + 3 · 0.044715 x²).
 */
public record GeluTanh() implements UnaryOp, Pointwise {

    public static final GeluTanh INSTANCE = new GeluTanh();

    private static final double SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);
    private static final double CUBIC = 0.044715;

    @Override
    public Tensor forward(Tensor x) {
        return x.map(v -> 0.5 * v * (1 + Math.tanh(SQRT_2_OVER_PI * (v + CUBIC * v * v * v))));
    }

    @Override
    public Var vjp(Var x, Var y, Var yBar) {
        Var t = x.add(x.pow(3).mul(CUBIC)).mul(SQRT_2_OVER_PI).tanh();
        Var uPrime = x.square().mul(3 * CUBIC).add(1).mul(SQRT_2_OVER_PI);
        Var slope = t.add(1).mul(0.5).add(x.mul(0.5).mul(t.square().neg().add(1)).mul(uPrime));
        return yBar.mul(slope);
    }
}
