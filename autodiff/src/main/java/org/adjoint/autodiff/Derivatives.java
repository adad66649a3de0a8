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
 * Tensor jv = Derivatives.jvp(residuals, x, v);       // J(x)·v of a vector-valued function
 * Tensor j = Derivatives.jacobian(residuals, x);      // by columns or rows, whichever is fewer
 * }</pre>
 *
 * <p>Reverse and forward mode. Every op has one derivative rule, a vector-Jacobian product, so
 * {@link #grad} and the rows of a Jacobian cost one backward sweep each. Forward mode ({@link #jvp},
 * the columns of a Jacobian) is derived from the same rules by transposing the recorded backward
 * sweep (see {@link #jvp}); no op has a second, tangent rule. {@link #jacobian} picks columns when
 * the input has fewer elements than the output and rows otherwise, as {@code jax.jacfwd} and
 * {@code jax.jacrev} are advised for tall and wide Jacobians.
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

    /** The value of a function and its Jacobian-vector product, from one recording of the function. */
    public record ValueAndJvp(Tensor value, Tensor jvp) {
        /** Refuses a null value or product. */
        public ValueAndJvp {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(jvp, "jvp");
        }
    }

    /**
     * {@code f(x)} and the Jacobian-vector product {@code J(x)·v} together; see {@link #jvp}. The value
     * comes free with the product.
     */
    public static ValueAndJvp valueAndJvp(VarFunction f, Tensor x, Tensor v) {
        return valueAndJvp("valueAndJvp", f, x, v);
    }

    /**
     * The Jacobian-vector product {@code J(x)·v} (the derivative of f at x along v) of a function with
     * any output shape: a tensor of the output's shape, without forming J. A function that does not
     * use its argument gives zeros. A NaN or infinity in v is not refused; it reaches the result, as
     * in {@link #hvp}.
     *
     * <p>It is computed by transposing reverse mode, so that each op keeps its one derivative rule:
     * f is recorded at x, then its backward sweep is recorded for a dummy cotangent u that requires a
     * gradient, giving {@code Jᵀu} as a function of u; that function is linear, and the gradient of
     * {@code ⟨Jᵀu, v⟩} with respect to u is {@code J·v}. Cost: a forward sweep and about two backward
     * sweeps (the recorded one and the one back to u), about three times a gradient, where dual
     * numbers would need a tangent rule for every op. For many directions at one point, build the
     * Jacobian with {@link #jacobianForward}, which records once and adds one sweep per direction.
     *
     * @throws IllegalArgumentException naming both shapes if v's shape differs from x's
     */
    public static Tensor jvp(VarFunction f, Tensor x, Tensor v) {
        return valueAndJvp("jvp", f, x, v).jvp();
    }

    private static ValueAndJvp valueAndJvp(String op, VarFunction f, Tensor x, Tensor v) {
        Objects.requireNonNull(f, "f");
        requireSameShape(op, x, v);
        Linearization linear = Linearization.of(f, x);
        return new ValueAndJvp(linear.value(), linear.jvp(v));
    }

    /**
     * The Jacobian {@code J[o…, i…] = ∂f(x)[o…] / ∂x[i…]}, of shape output shape ++ input shape, by
     * whichever mode needs fewer sweeps: {@link #jacobianForward} (one sweep per input element) when x
     * has fewer elements than f(x), {@link #jacobianReverse} (one per output element) otherwise; f is
     * recorded once either way. A least-squares fit (many residuals, few parameters) is the forward case.
     *
     * <p>Both modes give the same Jacobian up to rounding and the sign of zeros, infinite entries
     * included, except where the derivative does not exist because the chain rule meets {@code 0 · ∞}
     * ({@code sqrt(|x|)} at 0): reverse mode gives NaN there, forward mode 0, because the engine's rule
     * that a zero cotangent pulls back to zero then meets a zero tangent.
     */
    public static Tensor jacobian(VarFunction f, Tensor x) {
        return jacobian("jacobian", f, x, Mode.FEWER_SWEEPS);
    }

    /**
     * The Jacobian (shape output shape ++ input shape) by forward mode, column by column: f and its
     * linearized pullback are recorded once (see {@link #jvp}), then column i, {@code J·eᵢ}, is one
     * backward sweep over that recording. About n + 2 sweeps for n input elements, whatever the
     * output's size: the cheap way for tall Jacobians.
     */
    public static Tensor jacobianForward(VarFunction f, Tensor x) {
        return jacobian("jacobianForward", f, x, Mode.COLUMNS);
    }

    /**
     * The Jacobian (shape output shape ++ input shape) by reverse mode, row by row: row o is the
     * gradient of output element o, one backward sweep per output element over a graph recorded once.
     * About m sweeps for m output elements, whatever the input's size: the cheap way for wide ones.
     */
    public static Tensor jacobianReverse(VarFunction f, Tensor x) {
        return jacobian("jacobianReverse", f, x, Mode.ROWS);
    }

    /** How a Jacobian is built: by columns (forward mode), by rows (reverse mode), or whichever is fewer. */
    private enum Mode { COLUMNS, ROWS, FEWER_SWEEPS }

    /** Records f once and builds its Jacobian in the given mode. */
    private static Tensor jacobian(String op, VarFunction f, Tensor x, Mode mode) {
        Objects.requireNonNull(f, "f");
        Objects.requireNonNull(x, "x");
        Var input = Var.param(x);
        Var y = f.apply(input);
        Shape shape = derivativeShape(op, y.shape(), x.shape());
        boolean columns = mode == Mode.COLUMNS || mode == Mode.FEWER_SWEEPS && x.size() < y.value().size();
        return columns ? Linearization.of(input, y).jacobian(shape)
                : rows(Graph.of(y, input), y.shape(), x.shape(), shape);
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
