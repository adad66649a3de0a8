package org.adjoint.autodiff.ops;

import org.adjoint.autodiff.UnaryOp;
import org.adjoint.autodiff.Var;
import org.adjoint.autodiff.engine.Pointwise;
import org.adjoint.core.Tensor;

/**
 * The exact GELU (Hendrycks &amp; Gimpel, 2016), PyTorch's {@code gelu(x)}: y = x · Φ(x) with the
 * standard normal distribution function Φ(x) = (1 + erf(x/√2))/2;  x̄ = ȳ · (Φ(x) + x · φ(x)), with
 * the density φ(x) = e^{−x²/2}/√(2π). Φ is computed as erfc(−x/√2)/2, which keeps the tiny values
 * of y for very negative x that 1 + erf(x/√2) would round to 0.
 */
public record Gelu() implements UnaryOp, Pointwise {

    public static final Gelu INSTANCE = new Gelu();

    private static final double SQRT_HALF = Math.sqrt(0.5);
    private static final double INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

    @Override
    public Tensor forward(Tensor x) {
        return x.map(v -> v * 0.5 * Erf.erfc(-v * SQRT_HALF));
    }

    @Override
    public Var vjp(Var x, Var y, Var yBar) {
        Var cdf = x.mul(SQRT_HALF).erf().add(1).mul(0.5);
        Var density = x.square().mul(-0.5).exp().mul(INV_SQRT_2PI);
        return yBar.mul(cdf.add(x.mul(density)));
    }
}
