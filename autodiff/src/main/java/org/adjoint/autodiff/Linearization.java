package org.adjoint.autodiff;

import org.adjoint.autodiff.engine.Graph;
import org.adjoint.core.Shape;
import org.adjoint.core.Tensor;

/**
 * A function recorded once at a point, with its linear map {@code v ↦ J·v} ready to apply any number
 * of times: the forward mode of {@link Derivatives#jvp} and {@link Derivatives#jacobianForward}.
 *
 * <p>Forward mode here is the transpose of reverse mode, not a second set of rules. Every op has one
 * derivative rule, its vector-Jacobian product {@code u ↦ Jᵀu}, written with differentiable
 * operations. Recording the backward sweep of f with a dummy cotangent u that itself requires a
 * gradient gives {@code g(u) = Jᵀu} as a recorded function of u. It is linear in u, so the gradient
 * of {@code ⟨g(u), v⟩} with respect to u is {@code J·v}, whatever value u has (ones here): one reverse
 * sweep over the recorded pullback, seeded with v. This is the "double-VJP" transposition that JAX
 * discusses for {@code linear_transpose}; dual numbers would need a tangent rule per op, a second
 * copy of every rule to keep in step with the first.
 *
 * <p>Cost: building records f (a forward sweep) and its pullback (one backward sweep, recorded); each
 * product is then one backward sweep over that pullback, which visits only its nodes that depend on u
 * and costs about as much as a backward sweep of f. One JVP is therefore about three sweeps, against
 * one for a dual-number forward pass; n products (a forward Jacobian) cost about n + 2 sweeps, against
 * m for the reverse Jacobian of an m-element output.
 *
 * <p>The one place the engine looks at a cotangent's values is its zero-cotangent rule, which masks
 * a non-finite contribution where the cotangent is exactly 0. Recording with u = ones, a cotangent
 * may be 0 where it is not 0 for every u ({@code u₀ − u₁}); its masked contribution is infinite for
 * other u, so only Jacobian entries that would be infinite or NaN can be affected. In the sweep back
 * to u the same rule sees the tangent: that is why a zero tangent times an infinite local derivative
 * gives 0 here and NaN in reverse mode.
 *
 * <p>Once built, a linearization is read-only: its graphs can be swept from any thread.
 */
final class Linearization {

    private final Tensor value;
    private final Shape inputShape;
    /** The recorded pullback {@code Jᵀu}, to be swept back to u; null when J is 0 (f ignores its argument). */
    private final Graph transpose;
    /** The position of u in {@code transpose}, as {@link Graph#pullBack} takes it. */
    private final int[] uAt;

    private Linearization(Tensor value, Shape inputShape, Graph transpose, int[] uAt) {
        this.value = value;
        this.inputShape = inputShape;
        this.transpose = transpose;
        this.uAt = uAt;
    }

    /** Records f at x and the pullback of its output as a function of a dummy cotangent. */
    static Linearization of(VarFunction f, Tensor x) {
        Var input = Var.param(x);
        return of(input, f.apply(input));
    }

    /** The linearization of an output y already recorded from {@code input}. */
    static Linearization of(Var input, Var y) {
        Graph graph = Graph.of(y, input);
        int at = graph.targets()[0];
        Shape inShape = input.shape();
        if (at < 0) {
            return new Linearization(y.value(), inShape, null, null);
        }
        Var u = Var.param(Tensor.ones(y.shape()));
        Var pulled = graph.pullBack(u, new int[] {at}, true, false)[0];
        Graph transpose = pulled == null ? null : Graph.of(pulled, u);
        if (transpose == null || transpose.targets()[0] < 0) {
            return new Linearization(y.value(), inShape, null, null);
        }
        return new Linearization(y.value(), inShape, transpose, transpose.targets());
    }

    /** {@code f(x)}. */
    Tensor value() {
        return value;
    }

    /** {@code J·v}, of the output's shape, for a direction v of the input's shape. */
    Tensor jvp(Tensor v) {
        if (transpose == null) {
            return Tensor.zeros(value.shape());
        }
        Var jv = transpose.pullBack(Var.constant(v), uAt, false, false)[0];
        return jv == null ? Tensor.zeros(value.shape()) : jv.value();
    }

    /**
     * The Jacobian, of the given shape (output shape ++ input shape), column by column: column i is
     * {@code J·eᵢ}, one sweep per input element over the pullback recorded once.
     */
    Tensor jacobian(Shape shape) {
        int m = value.size();
        int n = inputShape.size();
        double[] out = new double[shape.size()];
        double[] seed = new double[n];
        for (int i = 0; transpose != null && i < n; i++) {
            seed[i] = 1;
            double[] column = jvp(Tensor.of(inputShape, seed)).toArray();
            seed[i] = 0;
            for (int o = 0; o < m; o++) {
                out[o * n + i] = column[o];
            }
        }
        return Tensor.of(shape, out);
    }
}
