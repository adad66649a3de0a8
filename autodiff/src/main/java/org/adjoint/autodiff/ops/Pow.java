package org.adjoint.autodiff.ops;

import org.adjoint.autodiff.BinaryOp;
import org.adjoint.autodiff.Var;
import org.adjoint.autodiff.engine.Pointwise;
import org.adjoint.core.Tensor;

/**
 * y = aᵇ (broadcast);  ā = ȳ · b · aᵇ⁻¹,  b̄ = ȳ · y · ln a. Two kinds of point where the formulas
 * give 0 · ∞ = NaN take the derivative of the function instead, as PyTorch does: ā = 0 at a = 0,
 * b = 0 (a⁰ is 1 for every a), and b̄ = 0 where a = 0 and b ≥ 0 (0ᵇ is 0 for every b > 0). The masks
 * are data, so second derivatives through those zeros are 0; the true mixed derivative
 * ∂²(aᵇ)/∂a∂b = aᵇ⁻¹(1 + b ln a) is −∞ at a = 0 for 0 &lt; b ≤ 1, where a is at the edge of the
 * domain. (Elsewhere, e.g. at b = 0 with a ≠ 0, nothing is masked, so ∂ā/∂b = 1/a there.) A negative
 * base has no real power for non-integer exponents, so b̄ is NaN there (y is too unless b is an
 * integer: (−2)³ = −8 with ā = 12, but no derivative in b). A constant exponent never evaluates b̄.
 */
public record Pow() implements BinaryOp, Pointwise {

    public static final Pow INSTANCE = new Pow();

    private static final Var ZERO = Var.constant(0);

    @Override
    public Tensor forward(Tensor a, Tensor b) {
        return a.pow(b);
    }

    @Override
    public Var vjpA(Var a, Var b, Var y, Var yBar) {
        Var formula = yBar.mul(b).mul(a.pow(b.sub(1)));
        Tensor constantPower = a.value().zip(b.value(), (base, p) -> base == 0 && p == 0 ? 1 : 0);
        return constantPower.sum().item() == 0 ? formula : Var.where(constantPower, ZERO, formula);
    }

    @Override
    public Var vjpB(Var a, Var b, Var y, Var yBar) {
        Var formula = yBar.mul(y).mul(a.log());
        Tensor zeroPower = a.value().zip(b.value(), (base, p) -> base == 0 && p >= 0 ? 1 : 0);
        return zeroPower.sum().item() == 0 ? formula : Var.where(zeroPower, ZERO, formula);
    }

    /** aᵇ⁻¹ is infinite at a = 0 for b &lt; 1, and ln a is −∞ there. */
    @Override
    public boolean singularAtFiniteValues() {
        return true;
    }
}
