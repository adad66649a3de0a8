package org.adjoint.autodiff;

import java.util.Objects;
import org.adjoint.autodiff.engine.Graph;
import org.adjoint.core.Shape;
import org.adjoint.core.Tensor;

/**
 * Derivatives of functions written with {@link Var} operations, in the style of JAX's {@code grad},
 * {@code jacobian} and {@code hessian}: pass the function and the point, get tensors back.
 *
 * <pre>{@code
 * VarFunction rosenbrock = x -> {
 *     Var a = x.slice(0, 0, 1), b = x.slice(0, 1, 2);
 *     return a.neg().add(1).square().add(b.sub(a.square()).square().mul(100)).sum();
 * };
 * Tensor g = Derivatives.grad(rosenbrock, x);        // ∇f(x)
 * Tensor h = Derivatives.hessian(rosenbrock, x);     // ∇²f(x), exact
 * Tensor hv = Derivatives.hvp(rosenbrock, x, v);     // ∇²f(x)·v without forming ∇²f
 * }</pre>
 *
 * <p>Shapes: a gradient has the input's shape; a Jacobian has the output's shape followed by the
 * input's; a Hessian has the input's shape twice (n × n for a vector). Functions that must be scalar
 * ({@code grad}, {@code hessian}, {@code hvp}) fail with an {@link IllegalArgumentException} naming
 * the shape they returned.
 *
 * <p>A function that does not use its argument has a zero gradient here, as in JAX and
 * {@code torch.func}: the function is given, so its derivative is known to be 0 (and the Hessian of
 * a linear function is 0). Gradients with respect to chosen variables of a recorded loss
 * ({@link Backward}, {@code nn.Variables#gradients}) instead refuse a variable the loss was not
 * computed from, unless asked for zeros.
 */
public final class Derivatives {

    private Derivatives() {
    }

    /** The value of a scalar function and its gradient, from one forward and one backward sweep. */
    public record ValueAndGradient(double value, Tensor gradient) {
        /** Refuses a null gradient. */
        public ValueAndGradient {
            Objects.requireNonNull(gradient, "gradient");
        }
    }

    /** {@code f(x)} and {@code ∇f(x)} together. */
    public static ValueAndGradient valueAndGrad(VarFunction f, Tensor x) {
        Objects.requireNonNull(f, "f");
        Objects.requireNonNull(x, "x");
        Var input = Var.param(x);
        Var y = scalar("valueAndGrad", f.apply(input));
        return new ValueAndGradient(y.item(), Backward.of(y).allowingUnused().gradient(input));
    }

    /** {@code ∇f(x)} of a scalar function. */
    public static Tensor grad(VarFunction f, Tensor x) {
        return valueAndGrad(f, x).gradient();
    }

    /** {@code ∇f(x)·v}, the derivative of f at x along v. */
    public static double directionalDerivative(VarFunction f, Tensor x, Tensor v) {
        requireSameShape("directionalDerivative", x, v);
        return grad(f, x).mul(v).sum().item();
    }

    /**
     * The Jacobian {@code J[o…, i…] = ∂f(x)[o…] / ∂x[i…]}, one backward sweep per output element over
     * a graph recorded once.
     */
    public static Tensor jacobian(VarFunction f, Tensor x) {
        Var input = Var.param(x);
        Var y = f.apply(input);
        Shape shape = derivativeShape("jacobian", y.shape(), x.shape());
        return rows(Graph.of(y, input), y.shape(), x.shape(), shape);
    }

    /**
     * The exact Hessian {@code ∇²f(x)} of a scalar function: the gradient is recorded once as a
     * differentiable value, then differentiated with one backward sweep per input element.
     */
    public static Tensor hessian(VarFunction f, Tensor x) {
        Shape shape = derivativeShape("hessian", x.shape(), x.shape());
        Var input = Var.param(x);
        Var gradient = differentiableGradient("hessian", f, input);
        return rows(Graph.of(gradient, input), x.shape(), x.shape(), shape);
    }

    /**
     * The Hessian-vector product {@code ∇²f(x)·v} without forming the Hessian: the vector-Jacobian
     * product of the recorded gradient with seed v, which costs a small multiple of one gradient.
     */
    public static Tensor hvp(VarFunction f, Tensor x, Tensor v) {
        requireSameShape("hvp", x, v);
        Var input = Var.param(x);
        Var gradient = differentiableGradient("hvp", f, input);
        if (!gradient.requiresGrad()) {
            return Tensor.zeros(x.shape());
        }
        return Backward.of(gradient).withSeed(v).allowingUnused().gradient(input);
    }

    private static Var differentiableGradient(String op, VarFunction f, Var input) {
        Var y = scalar(op, f.apply(input));
        return Backward.of(y).allowingUnused().differentiableGradient(input);
    }

    /** Row o of the result is the gradient of output element o: the seed is the o-th unit tensor. */
    private static Tensor rows(Graph graph, Shape outShape, Shape inShape, Shape shape) {
        int m = outShape.size();
        int n = inShape.size();
        double[] out = new double[shape.size()];
        int k = graph.targets()[0];
        if (k >= 0) {
            int[] target = {k};
            for (int o = 0; o < m; o++) {
                double[] seed = new double[m];
                seed[o] = 1;
                Var row = graph.pullBack(Var.constant(Tensor.of(outShape, seed)), target, false, false)[0];
                if (row != null) {
                    System.arraycopy(row.value().toArray(), 0, out, o * n, n);
                }
            }
        }
        return Tensor.of(shape, out);
    }

    /**
     * The shape of a Jacobian or Hessian, {@code out ++ in}, checked before any sweep runs.
     *
     * @throws IllegalArgumentException naming {@code op} and both shapes if its size overflows an array
     */
    private static Shape derivativeShape(String op, Shape out, Shape in) {
        try {
            return out.concat(in);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(op + ": output shape " + out + " and input shape " + in + " give "
                    + e.getMessage(), e);
        }
    }

    private static Var scalar(String op, Var y) {
        if (y.value().size() != 1) {
            throw new IllegalArgumentException(op + ": the function must return a scalar but returned shape "
                    + y.shape());
        }
        return y;
    }

    private static void requireSameShape(String op, Tensor x, Tensor v) {
        if (!x.shape().equals(v.shape())) {
            throw new IllegalArgumentException(op + ": the direction's shape " + v.shape()
                    + " differs from the point's shape " + x.shape());
        }
    }
}
