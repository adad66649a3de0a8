package org.adjoint.autodiff.ops;

import org.adjoint.autodiff.UnaryOp;
import org.adjoint.autodiff.Var;
import org.adjoint.core.Shape;
import org.adjoint.core.Tensor;

/**
 * The running sum along {@code axis}: yᵢ = Σ_{j ≤ i} xⱼ, or with {@code reversed} the sum from the
 * end, yᵢ = Σ_{j ≥ i} xⱼ. Each is the other's adjoint:  x̄ = cumsum of ȳ in the opposite direction,
 * so the rule is linear in ȳ and differentiates again. The facade ({@link Var#cumsum}) is PyTorch's
 * {@code cumsum(x, dim)}; the reversed sum appears in derivatives.
 */
public record CumSum(int axis, boolean reversed) implements UnaryOp {

    /** Records the running sum of {@code x} along {@code axis} (negative counts from the end). */
    public static Var apply(Var x, int axis, boolean reversed) {
        int rank = x.shape().rank();
        if (axis < -rank || axis >= rank) {
            throw new IllegalArgumentException("cumsum: axis " + axis + " is outside the axes of a value of shape "
                    + x.shape());
        }
        return Var.apply(new CumSum(axis < 0 ? axis + rank : axis, reversed), x);
    }

    @Override
    public Tensor forward(Tensor x) {
        Shape shape = x.shape();
        int n = shape.dim(axis);
        int inner = 1;
        for (int a = axis + 1; a < shape.rank(); a++) {
            inner *= shape.dim(a);
        }
        double[] y = x.toArray();
        int block = n * inner;
        for (int start = 0; start < y.length; start += block) {
            for (int i = 1; i < n; i++) {
                int to = reversed ? start + (n - 1 - i) * inner : start + i * inner;
                int from = reversed ? to + inner : to - inner;
                for (int j = 0; j < inner; j++) {
                    y[to + j] += y[from + j];
                }
            }
        }
        return Tensor.of(shape, y);
    }

    @Override
    public Var vjp(Var x, Var y, Var yBar) {
        return Var.apply(new CumSum(axis, !reversed), yBar);
    }
}
