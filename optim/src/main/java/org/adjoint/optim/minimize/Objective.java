package org.adjoint.optim.minimize;

import java.util.Objects;
import org.adjoint.autodiff.VarFunction;
import org.adjoint.core.Tensor;

/**
 * A smooth function of a vector, as the minimization methods see it: its value, its gradient, and
 * for second-order methods its Hessian or Hessian-vector products. Methods ask only for what they
 * need, so an objective with hand-written derivatives needs only {@link #value} and {@link #evaluate};
 * {@link #of(VarFunction)} derives everything exactly from a function written with {@code Var}
 * operations.
 */
public interface Objective {

    /** f(x). */
    double value(Tensor x);

    /** f(x) and ∇f(x) together. */
    Evaluation evaluate(Tensor x);

    /**
     * ∇²f(x), an n × n matrix.
     *
     * @throws UnsupportedOperationException if this objective has no second derivatives
     */
    default Tensor hessian(Tensor x) {
        throw new UnsupportedOperationException("this objective has no Hessian; build it with Objective.of(varFunction)"
                + " to get exact second derivatives");
    }

    /** ∇²f(x)·v; by default from the full Hessian. */
    default Tensor hessianVector(Tensor x, Tensor v) {
        return hessian(x).matmul(v);
    }

    /**
     * The objective of a function written with {@code Var} operations, with exact gradients, Hessians
     * and Hessian-vector products from reverse-mode automatic differentiation, counting each kind of
     * evaluation.
     */
    static CountingObjective of(VarFunction f) {
        Objects.requireNonNull(f, "f");
        return new CountingObjective(new AutodiffObjective(f));
    }

    /** {@code objective}, counting each kind of evaluation made through the returned wrapper. */
    static CountingObjective counting(Objective objective) {
        Objects.requireNonNull(objective, "objective");
        return new CountingObjective(objective);
    }
}
