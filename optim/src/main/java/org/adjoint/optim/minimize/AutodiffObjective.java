package org.adjoint.optim.minimize;

import org.adjoint.autodiff.Derivatives;
import org.adjoint.autodiff.Var;
import org.adjoint.autodiff.VarFunction;
import org.adjoint.core.Tensor;

/** The objective of a {@code Var} function: values on constants, derivatives by reverse mode. */
final class AutodiffObjective implements Objective {

    private final VarFunction f;

    AutodiffObjective(VarFunction f) {
        this.f = f;
    }

    @Override
    public double value(Tensor x) {
        Var y = f.apply(Var.constant(x));
        if (y.value().size() != 1) {
            throw new IllegalArgumentException("objective: the function must return a scalar but returned shape " + y.shape());
        }
        return y.item();
    }

    @Override
    public Evaluation evaluate(Tensor x) {
        Derivatives.ValueAndGradient vg = Derivatives.valueAndGrad(f, x);
        return new Evaluation(vg.value(), vg.gradient());
    }

    @Override
    public Tensor hessian(Tensor x) {
        return Derivatives.hessian(f, x);
    }

    @Override
    public Tensor hessianVector(Tensor x, Tensor v) {
        return Derivatives.hvp(f, x, v);
    }
}
