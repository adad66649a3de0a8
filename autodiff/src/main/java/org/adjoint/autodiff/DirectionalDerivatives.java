package org.adjoint.autodiff;

import java.util.Arrays;
import java.util.function.Function;
import org.adjoint.core.Tensor;

/**
 * The quantities a {@link DerivativeCheck} compares, for a function {@code f} of several tensors at a
 * point: vector-Jacobian products (reverse mode), Jacobian-vector products (forward mode, by
 * {@link Derivatives#jvp} on one input at a time), their second-order counterparts, and the centered
 * differences they are checked against.
 */
final class DirectionalDerivatives {

    private final Function<Var[], Var> f;
    private final Tensor[] inputs;

    DirectionalDerivatives(Function<Var[], Var> f, Tensor[] inputs) {
        this.f = f;
        this.inputs = inputs;
    }

    /** {@code f(x)}. */
    Tensor value() {
        return f.apply(constants(inputs)).value();
    }

    /** {@code Jᵢᵀv} at x for every input i: one reverse sweep seeded with v. */
    Tensor[] vjps(Tensor v) {
        return vjps(inputs, v);
    }

    private Tensor[] vjps(Tensor[] at, Tensor v) {
        Var[] params = params(at);
        Var y = f.apply(params);
        if (!y.requiresGrad()) {
            return zeros(at);
        }
        return Backward.of(y).withSeed(v).allowingUnused().gradients(params);
    }

    /** {@code Jᵢ·u} at x, by forward mode with every other input held constant. */
    Tensor jvp(int i, Tensor u) {
        return Derivatives.jvp(xi -> f.apply(replaced(constants(inputs), i, xi)), inputs[i], u);
    }

    /** {@code (f(x + h·u·eᵢ) − f(x − h·u·eᵢ)) / 2h}: the centered difference of f along u on input i. */
    Tensor centeredJvp(int i, Tensor u, double h) {
        Tensor plus = f.apply(constants(moved(i, u, h))).value();
        Tensor minus = f.apply(constants(moved(i, u, -h))).value();
        return plus.sub(minus).div(2 * h);
    }

    /**
     * For every input i, the derivative of {@code x ↦ ⟨Jᵢᵀ(x)·v, wᵢ⟩} along u on input j, by
     * differentiating the recorded (differentiable) vector-Jacobian products once more.
     */
    double[] secondOrder(Tensor v, Tensor[] w, int j, Tensor u) {
        Var[] params = params(inputs);
        Var y = f.apply(params);
        double[] out = new double[inputs.length];
        if (!y.requiresGrad()) {
            return out;
        }
        Var[] xBar = Backward.of(y).withSeed(v).allowingUnused().differentiableGradients(params);
        for (int i = 0; i < inputs.length; i++) {
            if (xBar[i].requiresGrad()) {
                out[i] = dot(Backward.of(xBar[i]).withSeed(w[i]).allowingUnused().gradients(params)[j], u);
            }
        }
        return out;
    }

    /** The same derivatives as {@link #secondOrder}, by centered differences of first-order VJPs. */
    double[] centeredSecondOrder(Tensor v, Tensor[] w, int j, Tensor u, double h) {
        Tensor[] plus = vjps(moved(j, u, h), v);
        Tensor[] minus = vjps(moved(j, u, -h), v);
        double[] out = new double[inputs.length];
        Arrays.setAll(out, i -> (dot(plus[i], w[i]) - dot(minus[i], w[i])) / (2 * h));
        return out;
    }

    /** {@code H·u} (every input's block) for a scalar f and a direction u on input i only. */
    Tensor[] hvp(int i, Tensor u) {
        Var[] params = params(inputs);
        Var y = f.apply(params);
        if (!y.requiresGrad()) {
            return zeros(inputs);
        }
        Var gi = Backward.of(y).allowingUnused().differentiableGradients(params)[i];
        if (!gi.requiresGrad()) {
            return zeros(inputs);
        }
        return Backward.of(gi.mul(Var.constant(u)).sum()).allowingUnused().gradients(params);
    }

    static double dot(Tensor a, Tensor b) {
        return a.mul(b).sum().item();
    }

    private Tensor[] moved(int i, Tensor u, double h) {
        Tensor[] moved = inputs.clone();
        moved[i] = inputs[i].add(u.mul(h));
        return moved;
    }

    private static Var[] replaced(Var[] vars, int i, Var value) {
        vars[i] = value;
        return vars;
    }

    private static Tensor[] zeros(Tensor[] like) {
        Tensor[] zeros = new Tensor[like.length];
        Arrays.setAll(zeros, k -> Tensor.zeros(like[k].shape()));
        return zeros;
    }

    private static Var[] params(Tensor[] values) {
        Var[] params = new Var[values.length];
        Arrays.setAll(params, k -> Var.param(values[k]));
        return params;
    }

    static Var[] constants(Tensor[] values) {
        Var[] vars = new Var[values.length];
        Arrays.setAll(vars, k -> Var.constant(values[k]));
        return vars;
    }
}
