package org.adjoint.autodiff.engine;

import org.adjoint.autodiff.Var;
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
 * masking is itself recorded (as a {@link Var#where}), and the second-order sweep applies the same rule,
 * so Hessians are NaN-free too. A first-order sweep runs without the rule first and again with it
 * only if a gradient is not finite, with the same bits either way ({@link Graph#pullBack} says why).
 *
 * <p>An op opts in by implementing this interface (and says, with the two defaults, when the engine
 * may skip the check); it is public so that the op classes in {@code org.adjoint.autodiff.ops} can.
 */
public interface Pointwise {

    /** The constant that masked elements become. */
    Var ZERO = Var.constant(0);

    /**
     * Whether the local derivative can be infinite or NaN although every input and the output are
     * finite: {@code sqrt} and {@code x^p} (p &lt; 1) at 0, {@code 1/b} and {@code log} at (or next to)
     * 0, {@code tan} near its poles. Other ops' derivatives are finite wherever their values are, so
     * their contributions are exactly 0 wherever the cotangent is, and the engine skips the check.
     */
    default boolean singularAtFiniteValues() {
        return false;
    }

    /**
     * Whether every contribution is already exactly 0 wherever the cotangent is, whatever the values:
     * the cotangent itself, a selection of it, or it times a finite constant. The engine skips these ops.
     */
    default boolean zeroCotangentGivesZero() {
        return false;
    }

    /**
     * The contribution of {@code node} with 0 wherever {@code yBar} is 0 and the contribution is not
     * finite. The engine calls this for every contribution; it returns at once for a finite
     * one-element contribution and for a node that {@link #mayNeedMask cannot need it},
     * and otherwise scans the contribution, copying it only when something is masked.
     */
    static Var zeroWhereCotangentIsZero(Var node, Var yBar, Var contribution) {
        Tensor c = contribution.value();
        if (c.size() == 1 && Double.isFinite(c.item())) {
            return contribution;
        }
        if (!mayNeedMaskCached(node) || c.isFinite() || !c.shape().equals(yBar.shape())) {
            return contribution;
        }
        Tensor unused = yBar.value().zip(c, (bar, value) -> bar == 0 && !Double.isFinite(value) ? 1 : 0);
        return unused.sum().item() == 0 ? contribution : Var.where(unused, ZERO, contribution);
    }

    /** {@link #mayNeedMask}, asked once per node and then remembered in the node's scratch byte. */
    private static boolean mayNeedMaskCached(Var node) {
        byte known = Nodes.zeroRule(node);
        if (known == 0) {
            known = mayNeedMask(node) ? (byte) 2 : (byte) 1;
            Nodes.zeroRule(node, known);
        }
        return known == 2;
    }

    /**
     * Whether the rule can have work to do at {@code node}: its op is pointwise, a zero cotangent does
     * not already give zero, and the op is singular at finite values or its output is not finite. For a
     * pointwise op that is not singular, a finite output means a finite derivative: a non-finite input
     * either shows in the output (x², a·b, |x|, eˣ of +∞, sin of ∞…) or meets a derivative that is a
     * selection or bounded there (relu, clamp, max and atan at ±∞, eˣ at −∞). The output is scanned once.
     */
    static boolean mayNeedMask(Var node) {
        return Nodes.op(node) instanceof Pointwise op && !op.zeroCotangentGivesZero()
                && (op.singularAtFiniteValues() || !node.value().isFinite());
    }
}
