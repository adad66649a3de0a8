package org.adjoint.autodiff;

import org.adjoint.core.Tensor;

/**
 * Marks an op whose output elements each depend only on the aligned (broadcast) elements of its
 * inputs, so that its Jacobian is diagonal and its rules return cotangents of the output's shape.
 *
 * <p>For these ops the engine applies one rule of its own: <em>a zero cotangent pulls back to zero</em>,
 * whatever the op's local derivative there. A rule computes {@code ȳ · ∂y/∂x}; where {@code ȳ} is
 * exactly 0 the product is 0 for every finite derivative, and that element of y does not affect the
 * function at all, so 0 is the answer even where the local derivative is infinite or NaN, where IEEE
 * arithmetic would give {@code 0 · ∞ = NaN}. This is what keeps the branch a {@code where} did not
 * choose out of the gradient: {@code where(x > 0, sqrt(x), 0)} at x = −1 or 0, or
 * {@code where(x != 0, sin(x)/x, 1)} at 0, have the gradient of the chosen branch, NaN-free. The
 * masking is itself recorded (as a {@link Where}) and the second-order sweep applies the same rule,
 * so Hessians are NaN-free too.
 */
interface Pointwise {

    /** The constant that masked elements become. */
    Var ZERO = Var.constant(0);

    /**
     * {@code contribution}, with 0 wherever {@code yBar} is 0 and the contribution is not finite. Free
     * when the contribution is finite: one scan, no copy.
     */
    static Var zeroWhereCotangentIsZero(Var yBar, Var contribution) {
        Tensor c = contribution.value();
        if (c.isFinite() || !c.shape().equals(yBar.shape())) {
            return contribution;
        }
        Tensor unused = yBar.value().zip(c, (bar, value) -> bar == 0 && !Double.isFinite(value) ? 1 : 0);
        return unused.sum().item() == 0 ? contribution : Var.where(unused, ZERO, contribution);
    }
}
